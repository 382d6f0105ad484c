package org.flowscore.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.flowscore.testing.AgainstElasticsearch;
import org.flowscore.testing.ElasticsearchServer;
import org.flowscore.testing.EsRequests;
import org.flowscore.testing.ScoredDocuments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real flowscore documents written into the data streams the templates define: the streams are created
 * on first write with our mapping, and the fields analysts filter on are searchable with their types.
 */
@AgainstElasticsearch
class IndexingAgainstElasticsearchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NS = "indexing";
    private static final String FLOWS = TemplateSet.dataStream("flow", NS);
    private static List<JsonNode> docs;

    @BeforeAll
    static void indexOneCapture() throws IOException {
        new TemplateInstaller(new EsHttp(URI.create(ElasticsearchServer.shared().url()))).install(NS, "test");
        StringBuilder bulk = new StringBuilder();
        docs = new ArrayList<>();
        for (ScoredDocuments.Document d : ScoredDocuments.of("zeek/zat-2013-tsv/conn.log")) {
            bulk.append("{\"create\":{\"_id\":\"").append(d.id()).append("\"}}\n").append(d.json()).append('\n');
            docs.add(JSON.readTree(d.json()));
        }
        EsRequests.Answer answer = EsRequests.send("POST", "/" + FLOWS + "/_bulk?refresh=true", bulk.toString(),
                "application/x-ndjson");
        assertEquals(200, answer.status(), answer.json().toString());
        assertFalse(answer.json().path("errors").asBoolean(), answer.json().toString());
    }

    @Test
    void theFirstWriteCreatesADataStreamWithOurMapping() {
        JsonNode mappings = EsRequests.get("/" + FLOWS + "/_mapping");
        String backing = mappings.fieldNames().next();
        assertTrue(backing.startsWith(".ds-" + FLOWS + "-"), "not a data stream backing index: " + backing);
        JsonNode properties = mappings.path(backing).path("mappings").path("properties");
        assertEquals("ip", properties.at("/source/properties/ip/type").asText());
        assertEquals("ip", properties.at("/related/properties/ip/type").asText());
        assertEquals("long", properties.at("/destination/properties/port/type").asText());
        assertEquals("keyword", properties.at("/network/properties/community_id/type").asText());
        assertEquals("float", properties.at("/flowscore/properties/score/type").asText());
        assertEquals("long", properties.at("/event/properties/duration/type").asText());
        assertEquals("date", properties.at("/@timestamp/type").asText());
        assertEquals("best_compression",
                EsRequests.get("/" + backing + "/_settings").at("/" + backing + "/settings/index/codec").asText(),
                "flow documents are stored compressed hard: a third smaller on disk");
    }

    @Test
    void findsFlowsByTheFieldsAnalystsFilterOn() {
        JsonNode first = docs.getFirst();
        String sourceIp = first.at("/source/ip").asText();
        assertEquals(count(d -> d.at("/source/ip").asText().equals(sourceIp)),
                hits("{\"term\":{\"source.ip\":\"" + sourceIp + "\"}}"));
        assertEquals(count(d -> d.at("/destination/port").asInt() == 80),
                hits("{\"term\":{\"destination.port\":80}}"));
        String communityId = first.at("/network/community_id").asText();
        assertEquals(count(d -> d.at("/network/community_id").asText().equals(communityId)),
                hits("{\"term\":{\"network.community_id\":\"" + communityId + "\"}}"));
        assertEquals(count(d -> d.at("/flowscore/score").asDouble() >= 0.5),
                hits("{\"range\":{\"flowscore.score\":{\"gte\":0.5}}}"));
        long oneSecond = 1_000_000_000L;
        assertEquals(count(d -> d.at("/event/duration").asLong() >= oneSecond),
                hits("{\"range\":{\"event.duration\":{\"gte\":" + oneSecond + "}}}"));
        assertEquals(count(d -> d.at("/source/ip").asText().startsWith("192.168.")),
                hits("{\"term\":{\"source.ip\":\"192.168.0.0/16\"}}"));
        assertTrue(count(d -> d.at("/event/duration").asLong() >= oneSecond) > 0, "the range test must match some");
    }

    @Test
    void anUnknownFieldIsKeptButMapsNothing() {
        String doc = "{\"@timestamp\":\"2024-04-19T10:00:00Z\",\"event\":{\"kind\":\"alert\"},"
                + "\"surprise\":{\"field\":\"2024-04-19\"}}";
        String alerts = TemplateSet.dataStream("alert", NS);
        EsRequests.Answer created = EsRequests.send("PUT", "/" + alerts + "/_create/unknown-field?refresh=true", doc,
                "application/json");
        assertEquals(201, created.status(), created.json().toString());
        JsonNode mappings = EsRequests.get("/" + alerts + "/_mapping");
        JsonNode properties = mappings.path(mappings.fieldNames().next()).path("mappings").path("properties");
        assertTrue(properties.path("surprise").isMissingNode(), properties.toString());
        assertEquals("2024-04-19",
                EsRequests.get("/" + alerts + "/_search?q=event.kind:alert").at("/hits/hits/0/_source/surprise/field")
                        .asText());
    }

    private static long count(Predicate<JsonNode> which) {
        return docs.stream().filter(which).count();
    }

    private static long hits(String query) {
        EsRequests.Answer a = EsRequests.send("POST", "/" + FLOWS + "/_search?track_total_hits=true&size=0",
                "{\"query\":" + query + "}", "application/json");
        assertEquals(200, a.status(), a.json().toString());
        return a.json().at("/hits/total/value").asLong();
    }
}
