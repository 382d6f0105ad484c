package org.flowscore.setup.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shipped NDJSON read back as Kibana reads it: every line parsed, the stringified attributes parsed
 * again, and the parts the tests look at (Lens panels, controls, saved searches) picked out.
 */
record DecodedBundle(List<ObjectNode> objects) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A by-value Lens panel of a dashboard. */
    record LensPanel(String dashboard, String panelIndex, JsonNode attributes) {
        String title() {
            return attributes.path("title").asText();
        }
    }

    /** A control of a dashboard's control group. */
    record Control(String dashboard, String id, String type, String field, String dataViewId) {
    }

    static DecodedBundle shipped() {
        String ndjson = new String(SavedObjectBundle.shipped(), StandardCharsets.UTF_8);
        List<ObjectNode> objects = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            try {
                ObjectNode object = (ObjectNode) JSON.readTree(line);
                for (String path : SavedObjectBundle.STRINGIFIED.getOrDefault(object.path("type").asText(), List.of())) {
                    decode((ObjectNode) object.path("attributes"), path);
                }
                objects.add(object);
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }
        return new DecodedBundle(objects);
    }

    private static void decode(ObjectNode attributes, String path) throws IOException {
        int dot = path.indexOf('.');
        if (dot >= 0) {
            if (attributes.get(path.substring(0, dot)) instanceof ObjectNode parent) {
                decode(parent, path.substring(dot + 1));
            }
            return;
        }
        JsonNode value = attributes.get(path);
        if (value != null) {
            if (!value.isTextual()) {
                throw new IllegalStateException(path + " must be a JSON string in the NDJSON, is " + value.getNodeType());
            }
            attributes.set(path, JSON.readTree(value.asText()));
        }
    }

    List<ObjectNode> ofType(String type) {
        return objects.stream().filter(o -> o.path("type").asText().equals(type)).toList();
    }

    ObjectNode get(String type, String id) {
        return objects.stream().filter(o -> o.path("type").asText().equals(type) && o.path("id").asText().equals(id))
                .findFirst().orElse(null);
    }

    List<LensPanel> lensPanels() {
        List<LensPanel> panels = new ArrayList<>();
        for (ObjectNode dashboard : ofType("dashboard")) {
            for (JsonNode panel : dashboard.at("/attributes/panelsJSON")) {
                if (panel.path("type").asText().equals("lens")) {
                    panels.add(new LensPanel(dashboard.path("id").asText(), panel.path("panelIndex").asText(),
                            panel.at("/embeddableConfig/attributes")));
                }
            }
        }
        return panels;
    }

    List<Control> controls() {
        List<Control> controls = new ArrayList<>();
        for (ObjectNode dashboard : ofType("dashboard")) {
            for (Map.Entry<String, JsonNode> c : dashboard.at("/attributes/controlGroupInput/panelsJSON").properties()) {
                JsonNode input = c.getValue().path("explicitInput");
                controls.add(new Control(dashboard.path("id").asText(), c.getKey(), c.getValue().path("type").asText(),
                        input.path("fieldName").asText(), input.path("dataViewId").asText()));
            }
        }
        return controls;
    }

    /** The one layer of a Lens panel: its columns by id, in the layer's column order. */
    static Map<String, JsonNode> columns(JsonNode lens, String layerId) {
        JsonNode layer = lens.at("/state/datasourceStates/formBased/layers").path(layerId);
        Map<String, JsonNode> columns = new LinkedHashMap<>();
        for (JsonNode id : layer.path("columnOrder")) {
            columns.put(id.asText(), layer.path("columns").path(id.asText()));
        }
        return columns;
    }

    /** The data view a Lens layer reads, from the reference Kibana resolves it by. */
    static String dataViewOf(JsonNode lens, String layerId) {
        for (JsonNode r : lens.path("references")) {
            if (r.path("name").asText().equals("indexpattern-datasource-layer-" + layerId)) {
                return r.path("id").asText();
            }
        }
        return null;
    }
}
