package org.flowscore.setup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Compares what is installed with what setup would write. Elasticsearch echoes a definition back with
 * defaults filled in ({@code data_stream.hidden}, an ILM phase's {@code min_age}, ...) and its own order of
 * keys, so "unchanged" means: every key setup writes is there with an equal value, at any depth; arrays
 * and scalars must be equal as a whole. Keys only the cluster has are its defaults and are ignored; a
 * definition setup no longer writes is still replaced on upgrade because {@code _meta.version} differs.
 */
final class Definitions {
    private Definitions() {
    }

    static boolean covers(JsonNode installed, JsonNode wanted) {
        if (wanted.isObject()) {
            if (!installed.isObject()) {
                return false;
            }
            for (Map.Entry<String, JsonNode> e : wanted.properties()) {
                JsonNode there = installed.get(e.getKey());
                if (there == null || !covers(there, e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (wanted.isNumber() && installed.isNumber()) {
            // 501 and 501.0 are the same priority; Jackson's node equality would say otherwise.
            return wanted.decimalValue().compareTo(installed.decimalValue()) == 0;
        }
        return wanted.equals(installed);
    }
}
