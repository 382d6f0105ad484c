package org.flowscore.setup.kibana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowscore.cli.Main;
import org.flowscore.setup.EsHttp;
import org.flowscore.setup.TemplateInstaller;
import org.flowscore.testing.AgainstElasticsearch;
import org.flowscore.testing.ElasticsearchServer;
import org.flowscore.testing.EsRequests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every panel, control and search of the bundle, and every detection rule, asks a real Elasticsearch what Kibana
 * would ask it, over the scored sample logs (sample-logs/ through score --es with grouped alerts and an allowlist of
 * SSH, in a namespace of their own), and gets data.
 */
@AgainstElasticsearch
class KibanaPanelsAgainstElasticsearchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NS = "kibanapanels";
    private static final DecodedBundle BUNDLE = DecodedBundle.shipped();

    private static final List<JsonNode> RULES = RuleBundle.readSource(Path.of("kibana", "rules"));
    private static String url;

    @BeforeAll
    static void scoreTheSampleLogs(@TempDir Path tmp) throws IOException {
        url = ElasticsearchServer.shared().url();
        new TemplateInstaller(new EsHttp(URI.create(url))).install(NS, "test");
        Path allowlist = Files.writeString(tmp.resolve("allowlist.yml"), """
                - id: ssh
                  comment: the lab's SSH jump host takes logins from anywhere
                  port: 22
                """);
        // A rerun against the same server finds the documents already there (same ids) and adds nothing.
        assertEquals(0, Main.run("score", "--es", url, "--namespace", NS, "--allowlist", allowlist.toString(),
                "sample-logs"));
        EsRequests.send(url, "POST", "/logs-flowscore.*-" + NS + "/_refresh", "", "application/json");
    }

    /** The stream a data view reads, narrowed to this test's namespace. */
    private static String index(String dataViewId) {
        String title = BUNDLE.get("index-pattern", dataViewId).at("/attributes/title").asText();
        assertTrue(title.endsWith("-*"), title);
        return title.substring(0, title.length() - 1) + NS;
    }

    private static JsonNode search(String index, JsonNode body) {
        EsRequests.Answer answer = EsRequests.send(url, "POST", "/" + index + "/_search", body.toString(),
                "application/json");
        assertEquals(200, answer.status(), answer.json().toString());
        return answer.json();
    }

    @Test
    void everyLensPanelReturnsData() {
        List<String> empty = new ArrayList<>();
        for (DecodedBundle.LensPanel panel : BUNDLE.lensPanels()) {
            JsonNode lens = panel.attributes();
            lens.at("/state/datasourceStates/formBased/layers").fieldNames().forEachRemaining(layer -> {
                LensAggregation query = LensAggregation.of(lens, layer);
                JsonNode answer = search(index(DecodedBundle.dataViewOf(lens, layer)), query.body());
                List<JsonNode> rows = query.rows(answer.path("aggregations"));
                for (String metric : query.metricIds()) {
                    if (rows.stream().noneMatch(r -> {
                        Double v = LensAggregation.value(r, metric);
                        return v != null && (v > 0 || !lens.path("visualizationType").asText().equals("lnsMetric"));
                    })) {
                        empty.add(panel.dashboard() + " / " + panel.title() + " / " + metric + ": " + answer.path("aggregations"));
                    }
                }
            });
        }
        assertEquals(List.of(), empty);
    }

    @Test
    void theMetricRowAgreesWithTheStreams() {
        long flows = EsRequests.count(url, index("flowscore-flows"));
        long alerts = EsRequests.count(url, index("flowscore-alerts"));
        assertTrue(flows > 2000 && alerts > 0 && alerts < flows, flows + " flows, " + alerts + " alerts");
        assertEquals(flows, metricOf("Flows"));
        assertEquals(alerts, metricOf("Alerts"));
        // Flagged flows that are not allowlisted carry their group's id, and their groups are the alert stream.
        long flagged = metricOf("Flagged flows");
        long grouped = hits(index("flowscore-flows"), "_exists_:flowscore.alert.group.id");
        long flaggedAllowlisted = hits(index("flowscore-flows"), "flowscore.label:attack AND flowscore.allowlisted:true");
        assertEquals(flagged - flaggedAllowlisted, grouped);
        assertEquals(alerts, EsRequests.distinct(url, index("flowscore-flows"), "flowscore.alert.group.id"));
        assertTrue(alerts * 5 < grouped, alerts + " groups of " + grouped + " flows");
    }

    @Test
    void everyGroupLeadsToItsFlows() {
        ObjectNode body = JSON.createObjectNode().put("size", 1000);
        body.putObject("query").putObject("query_string").put("query", "flowscore.alert.group.flows:>=1");
        JsonNode groups = search(index("flowscore-alerts"), body).at("/hits/hits");
        assertTrue(groups.size() > 0);
        for (JsonNode g : groups) {
            JsonNode group = g.at("/_source/flowscore/alert/group");
            long members = hits(index("flowscore-flows"), "flowscore.alert.group.id:\"" + group.path("id").asText()
                    + "\"");
            // A flow that came after its group's window closed carries the id without being counted in it.
            assertTrue(members >= group.path("flows").asLong() && group.path("flows").asLong() > 0, g.toString());
            for (JsonNode flowId : group.path("flow_ids")) {
                assertEquals(1, hits(index("flowscore-flows"), "_id:\"" + flowId.asText() + "\" AND"
                        + " flowscore.alert.group.id:\"" + group.path("id").asText() + "\""), flowId.asText());
            }
        }
    }

    @Test
    void theAllowlistedShareCountsTheAllowlistedFlows() {
        long allowlisted = hits(index("flowscore-flows"), "flowscore.allowlisted:true");
        assertTrue(allowlisted > 0);
        DecodedBundle.LensPanel panel = BUNDLE.lensPanels().stream()
                .filter(p -> p.title().equals("Allowlisted share")).findFirst().orElseThrow();
        LensAggregation query = LensAggregation.of(panel.attributes(), "layer1");
        JsonNode buckets = search(index("flowscore-flows"), query.body()).at("/aggregations/g/buckets");
        assertEquals(allowlisted, buckets.at("/allowlisted/doc_count").asLong());
        assertEquals(EsRequests.count(url, index("flowscore-flows")) - allowlisted,
                buckets.at("/not allowlisted/doc_count").asLong());
    }

    /** Every detection rule's query finds the alerts of its kind, and every alert is found by exactly one rule. */
    @Test
    void everyAlertReachesExactlyOneDetectionRule() {
        String alerts = index("flowscore-alerts");
        long total = 0;
        for (JsonNode rule : RULES) {
            String kind = rule.path("rule_id").asText().substring("flowscore-".length());
            long found = hits(alerts, rule.path("query").asText());
            assertEquals(count(alerts, "flowscore.alert.kind", kind), found, rule.path("rule_id").asText());
            total += found;
        }
        assertEquals(EsRequests.count(url, alerts), total);
        assertTrue(EsRequests.distinct(url, alerts, "flowscore.alert.kind") > 1, "the sample logs show more than one kind");
    }

    private static long hits(String index, String lucene) {
        ObjectNode body = JSON.createObjectNode().put("size", 0).put("track_total_hits", true);
        body.putObject("query").putObject("query_string").put("query", lucene);
        return search(index, body).at("/hits/total/value").asLong();
    }

    /** Documents whose {@code field} is {@code value}, asked as a term query, not through a query parser. */
    private static long count(String index, String field, String value) {
        ObjectNode body = JSON.createObjectNode().put("size", 0).put("track_total_hits", true);
        body.putObject("query").putObject("term").put(field, value);
        return search(index, body).at("/hits/total/value").asLong();
    }


    private long metricOf(String title) {
        DecodedBundle.LensPanel panel = BUNDLE.lensPanels().stream()
                .filter(p -> p.dashboard().equals("flowscore-overview") && p.title().equals(title)).findFirst().orElseThrow();
        LensAggregation query = LensAggregation.of(panel.attributes(), "layer1");
        JsonNode answer = search(index(DecodedBundle.dataViewOf(panel.attributes(), "layer1")), query.body());
        return Math.round(LensAggregation.value(answer.path("aggregations"), query.metricIds().getFirst()));
    }

    @Test
    void everyControlOffersValues() {
        for (DecodedBundle.Control c : BUNDLE.controls()) {
            ObjectNode body = JSON.createObjectNode().put("size", 0);
            ObjectNode aggs = body.putObject("aggs");
            if (c.type().equals("rangeSliderControl")) {
                aggs.putObject("min").putObject("min").put("field", c.field());
                aggs.putObject("max").putObject("max").put("field", c.field());
                JsonNode a = search(index(c.dataViewId()), body).path("aggregations");
                assertTrue(a.at("/min/value").asDouble() < a.at("/max/value").asDouble(), c + ": " + a);
            } else {
                aggs.putObject("values").putObject("terms").put("field", c.field()).put("size", 10);
                JsonNode buckets = search(index(c.dataViewId()), body).at("/aggregations/values/buckets");
                assertTrue(buckets.size() > 0, c + " offers no values");
            }
        }
    }

    /** The searches of flowscore's own streams (the sensors' records are not indexed here), with their query. */
    @Test
    void everyColumnOfTheSearchesHasValues() {
        int searched = 0;
        for (JsonNode search : BUNDLE.ofType("search")) {
            String dataView = search.at("/references/0/id").asText();
            if (dataView.equals("flowscore-original-logs")) {
                continue;
            }
            JsonNode query = search.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON/query");
            assertTrue(query.path("query").asText().isEmpty() || query.path("language").asText().equals("lucene"),
                    search.path("id") + ": a search's query is Lucene, so it is tested as Kibana sends it");
            for (JsonNode column : search.at("/attributes/columns")) {
                String lucene = (query.path("query").asText().isEmpty() ? "" : "(" + query.path("query").asText()
                        + ") AND ") + "_exists_:" + column.asText();
                assertTrue(hits(index(dataView), lucene) > 0, search.path("id") + ": nothing has " + column);
            }
            searched++;
        }
        assertEquals(2, searched);
    }
}
