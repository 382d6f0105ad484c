package org.flowscore.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowscore.testing.ScoredDocuments;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every ECS field a document carries has the ECS name and a value of the ECS type (ecs_flat.yml, 9.4.0). */
class EcsDocumentsTest {
    private static Map<String, String> ecsTypes;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void loadEcs() throws IOException {
        JsonNode flat = new ObjectMapper(new YAMLFactory()).readTree(SharedData.require("ecs/ecs_flat.yml").toFile());
        ecsTypes = new HashMap<>();
        flat.properties().forEach(e -> ecsTypes.put(e.getKey(), e.getValue().get("type").asText()));
    }

    private static List<JsonNode> documents(String file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (ScoredDocuments.Document d : ScoredDocuments.of(file)) {
            out.add(JSON.readTree(d.json()));
        }
        return out;
    }

    @Test
    void everyEcsFieldHasItsEcsType() throws IOException {
        for (String file : List.of("zeek/zat-2013-tsv/conn.log", "suricata/slips-test6/eve.json",
                "zeek/slips-test10-tsv/conn.log")) {
            for (JsonNode doc : documents(file)) {
                Map<String, JsonNode> leaves = new HashMap<>();
                flatten("", doc, leaves);
                for (var leaf : leaves.entrySet()) {
                    String name = leaf.getKey();
                    if (name.startsWith("flowscore.") || name.startsWith("zeek.") || name.startsWith("suricata.")) {
                        continue;
                    }
                    String type = ecsTypes.get(name);
                    assertTrue(type != null, "not an ECS field: " + name);
                    assertTrue(fits(type, leaf.getValue()), name + " is " + type + " in ECS but got " + leaf.getValue());
                }
            }
        }
    }

    @Test
    void carriesTheModelVerdictFeaturesAndStableIds() throws IOException {
        List<JsonNode> docs = documents("zeek/zat-2013-tsv/conn.log");
        JsonNode first = docs.getFirst();
        assertEquals("attack", first.at("/flowscore/label").asText());
        assertEquals(0.9, first.at("/flowscore/score").asDouble());
        assertEquals(90.0, first.at("/event/risk_score").asDouble());
        assertEquals("count", first.at("/flowscore/explanation/0/feature").asText());
        assertEquals("test-model", first.at("/flowscore/model/name").asText());
        assertEquals(68, first.at("/flowscore/features").size(), "the 41 and the extended features");
        assertTrue(first.at("/flowscore/features/service").isTextual());
        assertTrue(first.at("/flowscore/features/count").isIntegralNumber());
        assertTrue(first.at("/flowscore/features/dst_port_class").isTextual());
        assertTrue(first.at("/flowscore/features/chan_interval_dispersion").isFloatingPointNumber());
        assertEquals("0123456789ab", first.at("/flowscore/model/calibration").asText());
        // 192.168.33.10 browsing the web: the old Bro log says local_orig, the local networks say the rest.
        assertEquals("outbound", first.at("/network/direction").asText());
        assertTrue(first.at("/zeek/session_id").isTextual());
        assertFalse(docs.get(1).at("/flowscore").has("explanation"));
        assertEquals(docs.size(), docs.stream().map(d -> d.at("/event/id").asText()).distinct().count());
        assertEquals(first.at("/event/id"), documents("zeek/zat-2013-tsv/conn.log").getFirst().at("/event/id"));
        assertNotEquals(first.at("/event/id"), docs.get(1).at("/event/id"));
    }

    private static boolean fits(String type, JsonNode v) {
        if (v.isArray()) {
            for (JsonNode item : v) {
                if (!fits(type, item)) {
                    return false;
                }
            }
            return true;
        }
        return switch (type) {
            case "keyword", "constant_keyword", "wildcard", "match_only_text", "text" -> v.isTextual();
            case "long", "integer" -> v.isIntegralNumber();
            case "float", "scaled_float", "double" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "date" -> v.isTextual() && java.time.Instant.parse(v.asText()) != null;
            case "ip" -> v.isTextual() && isIp(v.asText());
            default -> false;
        };
    }

    private static boolean isIp(String s) {
        try {
            return InetAddress.ofLiteral(s) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), out));
        } else {
            out.put(prefix, node);
        }
    }
}
