package org.flowscore.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.flowscore.testing.EsRequests;

/** Every document of a data stream, by id, read with a scroll. */
final class EsDocuments {
    private EsDocuments() {
    }

    static Map<String, JsonNode> all(String url, String stream) {
        EsRequests.send(url, "POST", "/" + stream + "/_refresh", null, "application/json");
        Map<String, JsonNode> out = new HashMap<>();
        EsRequests.Answer page = EsRequests.send(url, "POST", "/" + stream + "/_search?scroll=1m",
                "{\"size\":5000,\"sort\":[\"_doc\"]}", "application/json");
        while (true) {
            if (page.status() != 200) {
                throw new AssertionError("search of " + stream + " answered " + page.status() + ": " + page.json());
            }
            JsonNode hits = page.json().at("/hits/hits");
            if (hits.isEmpty()) {
                break;
            }
            for (JsonNode hit : hits) {
                if (out.put(hit.get("_id").asText(), hit.get("_source")) != null) {
                    throw new AssertionError("document " + hit.get("_id") + " twice in " + stream);
                }
            }
            page = EsRequests.send(url, "POST", "/_search/scroll", "{\"scroll\":\"1m\",\"scroll_id\":\""
                    + page.json().get("_scroll_id").asText() + "\"}", "application/json");
        }
        return out;
    }
}
