package org.flowscore.setup.kibana;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * flowscore's Kibana saved objects. The reviewed source form is one pretty-printed JSON file per object
 * under {@code kibana/objects/TYPE/ID.json}, with the attributes Kibana stores as JSON strings kept as JSON
 * so that a diff shows what changed; the NDJSON Kibana imports ({@code kibana/flowscore.ndjson}, shipped in
 * the jar) is derived from it by {@link #encode}, which turns those attributes back into strings.
 */
public final class SavedObjectBundle {
    /** Where the imported bundle lives, in the repository (under the folder) and in the jar. */
    public static final String NDJSON = "flowscore.ndjson";
    /** The oldest Kibana the objects are written for: typeMigrationVersion and the datasource key formBased. */
    public static final String OLDEST_KIBANA = "8.8.0";

    /**
     * The attributes each type stores as JSON strings (Kibana's own list, as elastic-package keeps it).
     * Paths are dot-separated below {@code attributes}.
     */
    static final Map<String, List<String>> STRINGIFIED = Map.of(
            "index-pattern", List.of("fields", "fieldFormatMap", "fieldAttrs", "runtimeFieldMap"),
            "search", List.of("kibanaSavedObjectMeta.searchSourceJSON"),
            "dashboard", List.of("optionsJSON", "panelsJSON", "kibanaSavedObjectMeta.searchSourceJSON",
                    "controlGroupInput.panelsJSON", "controlGroupInput.ignoreParentSettingsJSON"));

    /** Import order: what is referenced comes before what references it. */
    private static final List<String> TYPE_ORDER = List.of("index-pattern", "search", "dashboard");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SavedObjectBundle() {
    }

    /** The decoded objects of a source folder, in import order (type, then id). */
    public static List<JsonNode> readSource(Path objectsFolder) {
        List<JsonNode> objects = readJsonFiles(objectsFolder, "Kibana objects");
        objects.sort(Comparator.<JsonNode>comparingInt(o -> TYPE_ORDER.indexOf(o.path("type").asText()))
                .thenComparing(o -> o.path("id").asText()));
        return objects;
    }

    /** Every {@code .json} file below {@code folder}; {@code what} they are names them in a failure. */
    static List<JsonNode> readJsonFiles(Path folder, String what) {
        List<JsonNode> read = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                read.add(JSON.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + what + " in " + folder, e);
        }
        return read;
    }

    /** The NDJSON Kibana imports: one compact object per line, stringified attributes encoded. */
    public static String encode(List<JsonNode> decoded) {
        StringBuilder ndjson = new StringBuilder();
        for (JsonNode object : decoded) {
            ObjectNode copy = object.deepCopy();
            ObjectNode attributes = (ObjectNode) copy.path("attributes");
            for (String path : STRINGIFIED.getOrDefault(copy.path("type").asText(), List.of())) {
                stringify(attributes, path);
            }
            ndjson.append(copy).append('\n');
        }
        return ndjson.toString();
    }

    /** The bundle shipped in the jar, exactly as it is imported. */
    public static byte[] shipped() {
        return shipped(NDJSON);
    }

    /** A file of the jar's {@code kibana/} folder, exactly as it is imported. */
    static byte[] shipped(String name) {
        try (InputStream in = SavedObjectBundle.class.getResourceAsStream("/kibana/" + name)) {
            if (in == null) {
                throw new IllegalStateException("kibana/" + name + " is missing from the jar; rebuild flowscore");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stringify(ObjectNode attributes, String path) {
        int dot = path.indexOf('.');
        if (dot >= 0) {
            JsonNode parent = attributes.get(path.substring(0, dot));
            if (parent instanceof ObjectNode object) {
                stringify(object, path.substring(dot + 1));
            }
            return;
        }
        JsonNode value = attributes.get(path);
        if (value != null && !value.isTextual()) {
            try {
                attributes.put(path, JSON.writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Regenerates {@code FOLDER/flowscore.ndjson} from {@code FOLDER/objects}; run after editing an object. */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "kibana");
        Files.writeString(folder.resolve(NDJSON), encode(readSource(folder.resolve("objects"))), StandardCharsets.UTF_8);
    }
}
