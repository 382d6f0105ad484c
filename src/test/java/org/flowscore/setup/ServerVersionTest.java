package org.flowscore.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The version decision on bodies shaped as servers send them. */
class ServerVersionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode root(String number, String distribution) throws IOException {
        return JSON.readTree("""
                {"name":"node-1","cluster_name":"c","cluster_uuid":"u","version":{%s"number":"%s",
                "build_flavor":"default","build_type":"tar","lucene_version":"9.12.0",
                "minimum_wire_compatibility_version":"7.17.0"},"tagline":"You Know, for Search"}
                """.formatted(distribution == null ? "" : "\"distribution\":\"" + distribution + "\",", number));
    }

    private static JsonNode localNode(String number) throws IOException {
        return JSON.readTree("{\"nodes\":{\"drXNBIsDRcKQXipMJSLJXA\":{\"version\":\"" + number + "\"}}}");
    }

    @Test
    void supportsTheEightAndNineLinesOnly() throws IOException {
        for (String number : new String[] {"8.19.21", "9.1.0", "8.0.0"}) {
            assertTrue(ServerVersion.fromRoot(root(number, null)).supported(), number);
            assertTrue(ServerVersion.fromLocalNode(localNode(number)).supported(), number);
        }
        for (String number : new String[] {"7.17.29", "10.0.0", "6.8.23"}) {
            assertFalse(ServerVersion.fromRoot(root(number, null)).supported(), number);
            assertFalse(ServerVersion.fromLocalNode(localNode(number)).supported(), number);
        }
    }

    @Test
    void readsTheMajorVersionIncludingPreReleases() throws IOException {
        ServerVersion v = ServerVersion.fromRoot(root("9.1.0-SNAPSHOT", null));
        assertEquals(9, v.major());
        assertEquals("9.1.0-SNAPSHOT", v.number());
        assertEquals(8, ServerVersion.fromLocalNode(localNode("8.19.21")).major());
    }

    @Test
    void refusalsSayWhatIsSupported() throws IOException {
        assertEquals("http://es:9200 runs Elasticsearch 7.17.29, which flowscore does not support: use"
                + " Elasticsearch 8.x or 9.x", ServerVersion.fromRoot(root("7.17.29", null)).refusal("http://es:9200"));
        assertEquals("http://es:9200 runs Elasticsearch 10.0.0, which flowscore does not support: use"
                + " Elasticsearch 8.x or 9.x", ServerVersion.fromLocalNode(localNode("10.0.0")).refusal("http://es:9200"));
    }

    @Test
    void openSearchIsNotElasticsearchWhateverItsNumber() throws IOException {
        ServerVersion v = ServerVersion.fromRoot(root("2.19.1", "opensearch"));
        assertFalse(v.supported());
        assertTrue(v.refusal("http://os:9200").contains("is opensearch 2.19.1, not Elasticsearch"));
        assertFalse(ServerVersion.fromRoot(root("8.1.0", "opensearch")).supported());
    }

    @Test
    void bodiesOfOtherServersGiveNoVersion() throws IOException {
        assertNull(ServerVersion.fromRoot(JSON.readTree("{\"status\":\"ok\"}")));
        assertNull(ServerVersion.fromRoot(null));
        assertNull(ServerVersion.fromRoot(JSON.readTree("{\"version\":{\"number\":\"latest\"}}")));
        assertNull(ServerVersion.fromLocalNode(JSON.readTree("{\"nodes\":{}}")));
        assertNull(ServerVersion.fromLocalNode(JSON.readTree("{\"error\":\"x\"}")));
    }
}
