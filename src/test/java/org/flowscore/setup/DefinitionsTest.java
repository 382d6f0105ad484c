package org.flowscore.setup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DefinitionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static boolean covers(String installed, String wanted) throws IOException {
        return Definitions.covers(JSON.readTree(installed), JSON.readTree(wanted));
    }

    @Test
    void ignoresKeyOrderAndTheDefaultsTheClusterAdds() throws IOException {
        assertTrue(covers("{\"priority\":501,\"data_stream\":{\"hidden\":false,\"allow_custom_routing\":false},"
                + "\"composed_of\":[\"a\"]}", "{\"composed_of\":[\"a\"],\"data_stream\":{},\"priority\":501}"));
        assertTrue(covers("{\"priority\":501.0}", "{\"priority\":501}"));
    }

    @Test
    void seesEveryChangeToWhatSetupWrites() throws IOException {
        assertFalse(covers("{\"priority\":500}", "{\"priority\":501}"));
        assertFalse(covers("{\"_meta\":{\"version\":\"0.1.0\"}}", "{\"_meta\":{\"version\":\"0.2.0\"}}"));
        assertFalse(covers("{\"composed_of\":[\"a\",\"b\"]}", "{\"composed_of\":[\"a\"]}"));
        assertFalse(covers("{\"m\":{\"type\":\"keyword\"}}", "{\"m\":{\"type\":\"ip\"}}"));
        assertFalse(covers("{}", "{\"m\":{}}"));
        assertFalse(covers("{\"m\":\"x\"}", "{\"m\":{}}"));
    }
}
