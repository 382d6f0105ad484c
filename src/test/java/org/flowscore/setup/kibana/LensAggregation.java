package org.flowscore.setup.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lens layer as the Elasticsearch request Kibana sends for it: bucket columns nested in column order
 * (date_histogram at a fixed interval, terms ordered by their metric, range histograms as histogram,
 * filters as a filters aggregation), metric columns under the innermost bucket, the layer's KQL and each
 * column's KQL filter as term filters. Only what the bundle uses is translated; anything else fails the test, so a new panel
 * cannot pass untested.
 */
record LensAggregation(List<String> bucketIds, List<String> metricIds, ObjectNode body) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The one KQL form the bundle uses: field : "value", or its negation. */
    private static final Pattern KQL_TERM = Pattern.compile("^(not )?([\\w.@]+) : \"([^\"]*)\"$");

    static LensAggregation of(JsonNode lens, String layerId) {
        Map<String, JsonNode> columns = DecodedBundle.columns(lens, layerId);
        List<String> buckets = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        columns.forEach((id, c) -> (c.path("isBucketed").asBoolean() ? buckets : metrics).add(id));

        ObjectNode body = JSON.createObjectNode();
        body.put("size", 0);
        body.put("track_total_hits", true);
        ArrayNode filters = body.putObject("query").putObject("bool").putArray("filter");
        kql(lens.at("/state/query/query").asText(), filters);

        ObjectNode aggs = body.putObject("aggs");
        for (String id : buckets) {
            ObjectNode agg = aggs.putObject(id);
            bucket(columns.get(id), agg, columns);
            aggs = agg.putObject("aggs");
        }
        for (String id : metrics) {
            JsonNode column = columns.get(id);
            ObjectNode holder = aggs;
            if (column.has("filter")) {
                ObjectNode filtered = aggs.putObject(id + "_filter");
                ArrayNode f = filtered.putObject("filter").putObject("bool").putArray("filter");
                kql(column.at("/filter/query").asText(), f);
                holder = filtered.putObject("aggs");
            }
            metric(column, holder.putObject(id));
        }
        return new LensAggregation(buckets, metrics, body);
    }

    private static void bucket(JsonNode c, ObjectNode agg, Map<String, JsonNode> columns) {
        String field = c.path("sourceField").asText();
        switch (c.path("operationType").asText()) {
            // Kibana turns interval "auto" into a fixed interval for the time picker's range; an hour, with
            // empty buckets left out, is what it picks for a day and keeps the years the samples span cheap.
            case "date_histogram" -> agg.putObject("date_histogram").put("field", field).put("fixed_interval", "1h")
                    .put("min_doc_count", 1);
            case "range" -> agg.putObject("histogram").put("field", field).put("interval", 0.05).put("min_doc_count", 1);
            case "terms" -> {
                ObjectNode terms = agg.putObject("terms").put("field", field).put("size", c.at("/params/size").asInt());
                String by = c.at("/params/orderBy/columnId").asText();
                JsonNode orderColumn = columns.get(by);
                String key = orderColumn.path("operationType").asText().equals("count") && !orderColumn.has("filter")
                        ? "_count" : by;
                terms.putObject("order").put(key, c.at("/params/orderDirection").asText());
            }
            case "filters" -> {
                ObjectNode named = agg.putObject("filters").putObject("filters");
                for (JsonNode f : c.at("/params/filters")) {
                    kql(f.at("/input/query").asText(), named.putObject(f.path("label").asText()).putObject("bool")
                            .putArray("filter"));
                }
            }
            default -> throw new IllegalArgumentException("no translation for bucket " + c);
        }
    }

    private static void metric(JsonNode c, ObjectNode agg) {
        String field = c.path("sourceField").asText();
        switch (c.path("operationType").asText()) {
            // A count is each bucket's doc_count; value_count on @timestamp gives the same as a metric.
            case "count" -> agg.putObject("value_count").put("field", "@timestamp");
            case "average" -> agg.putObject("avg").put("field", field);
            case "sum", "min", "max" -> agg.putObject(c.path("operationType").asText()).put("field", field);
            case "median" -> agg.putObject("percentiles").put("field", field).putArray("percents").add(50);
            case "percentile" -> agg.putObject("percentiles").put("field", field).putArray("percents")
                    .add(c.at("/params/percentile").asDouble());
            case "unique_count" -> agg.putObject("cardinality").put("field", field);
            default -> throw new IllegalArgumentException("no translation for metric " + c);
        }
    }

    private static void kql(String query, ArrayNode filters) {
        if (query.isBlank()) {
            return;
        }
        Matcher m = KQL_TERM.matcher(query.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("no translation for KQL " + query);
        }
        ObjectNode term = JSON.createObjectNode();
        term.putObject("term").put(m.group(2), m.group(3));
        filters.add(m.group(1) == null ? term : JSON.createObjectNode().set("bool",
                JSON.createObjectNode().set("must_not", term)));
    }

    /** The value of a metric aggregation in a bucket (or the top level), null when it has none. */
    static Double value(JsonNode holder, String metricId) {
        JsonNode agg = holder.has(metricId + "_filter") ? holder.path(metricId + "_filter").path(metricId)
                : holder.path(metricId);
        JsonNode value = agg.has("values") ? agg.path("values").elements().next() : agg.path("value");
        return value.isNumber() ? value.asDouble() : null;
    }

    /** The innermost buckets of an answer: the rows Lens would draw. */
    List<JsonNode> rows(JsonNode aggregations) {
        List<JsonNode> rows = new ArrayList<>();
        collect(aggregations, 0, rows);
        return rows;
    }

    private void collect(JsonNode holder, int depth, List<JsonNode> rows) {
        if (depth == bucketIds.size()) {
            rows.add(holder);
            return;
        }
        // A filters aggregation answers with its buckets by name, the others with a list: both iterate alike.
        for (JsonNode bucket : holder.path(bucketIds.get(depth)).path("buckets")) {
            collect(bucket, depth + 1, rows);
        }
    }
}
