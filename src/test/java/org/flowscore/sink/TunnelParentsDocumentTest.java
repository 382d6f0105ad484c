package org.flowscore.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.flowscore.features.FeatureExtractor;
import org.flowscore.features.FeatureSettings;
import org.flowscore.features.FeaturedConnection;
import org.flowscore.features.ServiceTable;
import org.flowscore.flow.CommunityId;
import org.flowscore.flow.Connection;
import org.flowscore.flow.FlowKey;
import org.flowscore.flow.SourceFormat;
import org.flowscore.flow.Traffic;
import org.flowscore.flow.Transport;
import org.flowscore.model.ScoredFlow;
import org.flowscore.testing.ScoredDocuments;
import org.junit.jupiter.api.Test;

/** A tunnelled connection's document names its tunnels, where the index template maps them. */
class TunnelParentsDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void zeekAndCaptureConnectionsCarryTheirTunnelParents() throws Exception {
        JsonNode zeek = document(connection(SourceFormat.ZEEK_JSON, "CwX1", List.of("CtA", "CtB")));
        assertEquals(List.of("CtA", "CtB"), texts(zeek.at("/zeek/connection/tunnel_parents")));
        JsonNode captured = document(connection(SourceFormat.PCAP, "Pabc-1:x", List.of("Pdef-1:y")));
        assertEquals("Pabc-1:x", captured.at("/capture/session_id").asText());
        assertEquals(List.of("Pdef-1:y"), texts(captured.at("/capture/tunnel_parents")));
        JsonNode plain = document(connection(SourceFormat.ZEEK_TSV, "CwX2", List.of()));
        assertFalse(plain.at("/zeek/connection").has("tunnel_parents"));

        JsonNode template = JSON.readTree(Path.of("mappings/elasticsearch/flowscore-mappings.component-template.json")
                .toFile()).at("/template/mappings/properties");
        assertEquals("keyword", template.at("/zeek/properties/connection/properties/tunnel_parents/type").asText());
        assertEquals("keyword", template.at("/capture/properties/tunnel_parents/type").asText());
        assertEquals("keyword", template.at("/capture/properties/session_id/type").asText());
    }

    private static Connection connection(SourceFormat format, String id, List<String> parents) {
        FlowKey key = new FlowKey("10.1.0.1", 40000, "10.2.0.2", 80, Transport.TCP, 6);
        return new Connection(1_700_000_000_000_000L, 70_000, id, key, null, new Traffic(100, 5, 300),
                new Traffic(300, 3, 420), 0, "SF", "ShADadFf", null, null, 0, false, new CommunityId(0).of(key), format,
                "test", null, parents);
    }

    private static JsonNode document(Connection c) throws Exception {
        FeaturedConnection[] featured = new FeaturedConnection[1];
        FeatureExtractor x = new FeatureExtractor(FeatureSettings.defaults(), ServiceTable.bundled(), fc -> featured[0] = fc);
        x.accept(c);
        x.flush();
        ScoredFlow flow = new ScoredFlow(featured[0], 0.1, false, List.of());
        EcsDocuments documents = new EcsDocuments(ScoredDocuments.model(), 0.5);
        return JSON.readTree(documents.render(flow, documents.id(flow), false).event());
    }

    private static List<String> texts(JsonNode array) {
        assertTrue(array.isArray(), array::toString);
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
