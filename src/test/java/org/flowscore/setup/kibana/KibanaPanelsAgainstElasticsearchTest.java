package org.flowscore.setup.kibana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
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

/**
 * Every panel, control and search of the bundle asks a real Elasticsearch what Kibana would ask it, over
 * the scored sample logs (sample-logs/ through score --es, in a namespace of their own), and gets data.
 */
@AgainstElasticsearch
class KibanaPanelsAgainstElasticsearchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NS = "kibanapanels";
    private static final DecodedBundle BUNDLE = DecodedBundle.shipped();
    private static String url;

    @BeforeAll
    static void scoreTheSampleLogs() {
        url = ElasticsearchServer.shared().url();
        new TemplateInstaller(new EsHttp(URI.create(url))).install(NS, "test");
        // A rerun against the same server finds the documents already there (same ids) and adds nothing.
        assertEquals(0, Main.run("score", "--es", url, "--namespace", NS, "sample-logs"));
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
        // Flows labelled attack on the flow stream are exactly the documents of the alert stream.
        assertEquals(alerts, metricOf("Flagged flows"));
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

    @Test
    void everyColumnOfTheAlertsSearchHasValues() {
        JsonNode search = BUNDLE.get("search", "flowscore-alerts-for-analysts");
        String alerts = index(search.at("/references/0/id").asText());
        for (JsonNode column : search.at("/attributes/columns")) {
            ObjectNode body = JSON.createObjectNode().put("size", 1).put("track_total_hits", true);
            body.putObject("query").putObject("exists").put("field", column.asText());
            body.putArray("sort").addObject().put("@timestamp", "desc");
            long hits = search(alerts, body).at("/hits/total/value").asLong();
            assertTrue(hits > 0, "no alert has " + column);
        }
    }
}
