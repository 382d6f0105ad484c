package org.flowscore.setup.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/** Every field of our component template with its Elasticsearch type, by dotted name. */
final class TemplateFields {
    private TemplateFields() {
    }

    static Map<String, String> types() {
        try (InputStream in = TemplateFields.class.getResourceAsStream(
                "/mappings/elasticsearch/flowscore-mappings.component-template.json")) {
            Map<String, String> types = new TreeMap<>();
            collect(new ObjectMapper().readTree(in).at("/template/mappings/properties"), "", types);
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode properties, String prefix, Map<String, String> types) {
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            if (p.getValue().has("properties")) {
                collect(p.getValue().path("properties"), prefix + p.getKey() + ".", types);
            } else {
                types.put(prefix + p.getKey(), p.getValue().path("type").asText("object"));
            }
        }
    }
}
