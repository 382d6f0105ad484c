package org.flowscore.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.flowscore.allowlist.Allowlist;
import org.flowscore.allowlist.AllowlistFile;
import org.flowscore.features.FeatureSet;
import org.flowscore.testing.ScoredDocuments;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared mappings component against ECS (ecs_flat.yml) and against the documents flowscore writes:
 * every ECS name has its ECS type, and every field a document carries is mapped explicitly with a type its
 * values fit (with {@code dynamic: false} an unmapped field would be silently unsearchable).
 */
class MappingTemplateTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, String> mapped;
    private static Map<String, JsonNode> ecs;
    /** Zeek TSV old and new, Zeek with local_orig (direction), labelled IoT-23 (truth), Suricata EVE. */
    private static final List<String> SAMPLES = List.of("zeek/zat-2013-tsv/conn.log",
            "zeek/slips-test10-tsv/conn.log", "zeek/rita-open-conns-tsv/conn.log",
            "zeek/iot23-honeypot-4-1/conn.log.labeled", "suricata/slips-test6/eve.json");
    /** The sample the alert output runs over, with part of its flows allowlisted. */
    private static final String ALERTED = "zeek/rita-open-conns-tsv/conn.log";

    @TempDir
    static Path tmp;

    @BeforeAll
    static void load() throws IOException {
        JsonNode mappings = TemplateSet.load(TemplateSet.MAPPINGS + ".component-template.json")
                .path("template").path("mappings");
        assertEquals(false, mappings.path("dynamic").asBoolean(true), "unknown fields must not create mappings");
        mapped = new TreeMap<>();
        fields("", mappings.path("properties"), mapped);
        ecs = new HashMap<>();
        new ObjectMapper(new YAMLFactory()).readTree(SharedData.require("ecs/ecs_flat.yml").toFile())
                .properties().forEach(e -> ecs.put(e.getKey(), e.getValue()));
    }

    @Test
    void everyEcsFieldHasTheEcsType() {
        int ecsFields = 0;
        for (var field : mapped.entrySet()) {
            JsonNode definition = ecs.get(field.getKey());
            if (definition != null) {
                ecsFields++;
                assertEquals(definition.path("type").asText(), field.getValue(), field.getKey());
            } else {
                assertTrue(field.getKey().matches("(flowscore|zeek|suricata|capture)\\..+"),
                        field.getKey() + " is neither ECS nor in flowscore's or a producer's namespace");
            }
        }
        assertTrue(ecsFields >= 30, "ECS fields mapped: " + ecsFields);
    }

    @Test
    void everyFieldTheDocumentsCarryIsMappedWithAFittingType() throws Exception {
        Map<String, String> seen = new TreeMap<>();
        List<String> documents = new ArrayList<>();
        for (String file : SAMPLES) {
            ScoredDocuments.of(file).forEach(d -> documents.add(d.json()));
        }
        // The alert side: flows marked allowlisted or with their alert kind and group, and the groups' documents.
        documents.addAll(ScoredDocuments.alerted(ALERTED, allowlist()));
        for (String json : documents) {
            Map<String, JsonNode> leaves = new HashMap<>();
            leaves("", JSON.readTree(json), leaves);
            for (var leaf : leaves.entrySet()) {
                String type = mapped.get(leaf.getKey());
                assertTrue(type != null, "not mapped: " + leaf.getKey());
                assertTrue(fits(type, leaf.getValue()), leaf.getKey() + " is mapped " + type + " but got "
                        + leaf.getValue());
                seen.put(leaf.getKey(), type);
            }
        }
        // Between them the samples exercise every mapped field but three, so a mapping nothing writes any
        // more cannot linger unnoticed: no Suricata capture we have holds an ICMP flow, and the labelled
        // capture is all benign, without IoT-23's detailed labels. No sample log is tunnelled, and none is
        // capture's own: TunnelParentsDocumentTest writes those fields.
        Set<String> unseen = new TreeSet<>(mapped.keySet());
        unseen.removeAll(seen.keySet());
        assertEquals(Set.of("suricata.eve.icmp_type", "suricata.eve.icmp_code", "flowscore.truth.detail",
                "zeek.connection.tunnel_parents", "capture.session_id", "capture.tunnel_parents"), unseen);
    }

    @Test
    void theFeaturesAreKeywordsCountsAndRates() {
        FeatureSet set = FeatureSet.EXTENDED;
        for (int i = 0; i < set.count(); i++) {
            String expected = set.isCategorical(i) ? "keyword" : set.isFractional(i) ? "float" : "long";
            assertEquals(expected, mapped.get("flowscore.features." + set.names().get(i)), set.names().get(i));
        }
    }

    private static Allowlist allowlist() throws Exception {
        Path file = tmp.resolve("allowlist.yml");
        Files.writeString(file, """
                - id: news-site
                  comment: a site everybody reads
                  destination: 205.204.101.0/24
                  port: 80
                """);
        return AllowlistFile.read(file);
    }

    /** Mapped leaf fields by dotted name; object fields (with or without "type": "object") are walked. */
    private static void fields(String prefix, JsonNode properties, Map<String, String> out) {
        properties.properties().forEach(e -> {
            String name = prefix + e.getKey();
            JsonNode def = e.getValue();
            if (def.has("properties")) {
                fields(name + ".", def.path("properties"), out);
            } else {
                out.put(name, def.path("type").asText());
            }
        });
    }

    private static void leaves(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> leaves(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), out));
        } else if (node.isArray() && !node.isEmpty() && node.get(0).isObject()) {
            node.forEach(item -> leaves(prefix, item, out));
        } else {
            out.put(prefix, node);
        }
    }

    private static boolean fits(String type, JsonNode value) {
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!fits(type, item)) {
                    return false;
                }
            }
            return true;
        }
        return switch (type) {
            case "keyword", "ip", "date" -> value.isTextual();
            case "long" -> value.isIntegralNumber();
            case "float" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> false;
        };
    }
}
