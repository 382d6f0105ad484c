package org.flowscore.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.flowscore.alerts.AlertMode;
import org.flowscore.alerts.AlertSettings;
import org.flowscore.flow.LocalNetworks;

/**
 * How every daemon's settings are read: the YAML file (none: an empty tree), then the environment laid over it,
 * then the flags' tree, merged as one tree and bound in one typed pass, so that a misspelt or mistyped setting
 * is an error naming its key wherever it came from.
 */
final class SettingsTree {
    static final List<String> ES_SCALARS = List.of("namespace", "ca", "ca_fingerprint", "insecure", "dead_letter",
            "username", "password", "api_key", "bearer_token");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SettingsTree() {
    }

    /**
     * @param what        the settings' name in messages ({@code tail settings})
     * @param environment lays the environment's variables over the file's tree
     */
    static <T> T load(Class<T> type, String what, Path file, Consumer<ObjectNode> environment, ObjectNode flags) {
        ObjectNode tree = file == null ? JsonNodeFactory.instance.objectNode() : readFile(file);
        environment.accept(tree);
        merge(tree, flags);
        try {
            return YAML.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(what + ": unknown setting '" + key(e) + "'" + source(file)
                    + "; known: " + e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            throw new ConfigException(what + ": '" + key(e) + "' " + source(file).strip() + ": "
                    + e.getOriginalMessage().replaceAll("\\s+", " "));
        } catch (IOException e) {
            throw new ConfigException(what + ": " + e.getMessage());
        }
    }

    /** {@code FLOWSCORE_ES_<KEY>} into {@code elasticsearch.key}, {@code FLOWSCORE_ES_URLS} split at commas. */
    static void overlayElasticsearch(ObjectNode tree, Map<String, String> env) {
        for (String key : ES_SCALARS) {
            String value = env.get("FLOWSCORE_ES_" + key.toUpperCase(Locale.ROOT));
            if (value != null && !value.isBlank()) {
                child(tree, "elasticsearch").put(key, value.strip());
            }
        }
        putList(tree, "local_nets", env.get("FLOWSCORE_LOCAL_NETS"));
        String urls = env.get("FLOWSCORE_ES_URLS");
        if (urls != null && !urls.isBlank()) {
            putList(child(tree, "elasticsearch"), "urls", urls);
        }
    }

    /** A comma-separated value as a list, when given. */
    static void putList(ObjectNode tree, String key, String commaSeparated) {
        if (commaSeparated != null && !commaSeparated.isBlank()) {
            ArrayNode list = tree.putArray(key);
            for (String item : commaSeparated.split(",")) {
                list.add(item.strip());
            }
        }
    }

    static Duration duration(String what, String key, String value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(what + ": '" + key + "': " + e.getMessage());
        }
    }

    /** The site's local networks as {@code local_nets} lists them, else the defaults. */
    /** How alerts are made: {@code alerts} and {@code alert_window}, else grouped in five-minute windows. */
    static AlertSettings alertSettings(String what, String alerts, String alertWindow) {
        AlertMode mode;
        try {
            mode = alerts == null ? AlertMode.GROUPED : AlertMode.parse(alerts);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(what + ": 'alerts': " + e.getMessage());
        }
        try {
            return AlertSettings.of(mode, duration(what, "alert_window", alertWindow, AlertSettings.DEFAULT_WINDOW));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(what + ": 'alert_window': " + e.getMessage());
        }
    }

    static LocalNetworks localNetworks(String what, List<String> cidrs) {
        if (cidrs == null || cidrs.isEmpty()) {
            return LocalNetworks.defaults();
        }
        try {
            return LocalNetworks.parse(cidrs);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(what + ": 'local_nets': " + e.getMessage());
        }
    }

    /** Copies {@code from} into {@code into}; objects are merged key by key, anything else replaced. */
    static void merge(ObjectNode into, ObjectNode from) {
        from.properties().forEach(entry -> {
            if (entry.getValue() instanceof ObjectNode object) {
                merge(child(into, entry.getKey()), object);
            } else {
                into.set(entry.getKey(), entry.getValue());
            }
        });
    }

    static ObjectNode child(ObjectNode parent, String key) {
        return parent.get(key) instanceof ObjectNode existing ? existing : parent.putObject(key);
    }

    private static ObjectNode readFile(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!(node instanceof ObjectNode object)) {
                throw new ConfigException("config " + file + ": expected settings as 'key: value' lines");
            }
            return object;
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new ConfigException("config " + file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException("config " + file + " is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String key(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String source(Path file) {
        return file == null ? " (from the environment or a flag)" : " (in " + file + ", the environment or a flag)";
    }
}
