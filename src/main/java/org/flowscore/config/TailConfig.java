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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.flowscore.alerts.AlertMode;
import org.flowscore.alerts.AlertSettings;
import org.flowscore.elastic.EsAuth;
import org.flowscore.elastic.EsTls;
import org.flowscore.flow.LocalNetworks;
import org.flowscore.flow.SourceFormat;
import org.flowscore.sink.es.Batching;
import org.flowscore.sink.es.EsOutputSettings;
import org.flowscore.tail.InputSpec;
import org.flowscore.tail.TailSettings;

/**
 * The tail settings as a config file gives them, then overridden by environment variables, then by flags.
 * All three are merged as one tree and read in one typed pass, so a misspelt or mistyped setting is an
 * error naming its key wherever it came from. Every scalar setting {@code key} has the variable
 * {@code FLOWSCORE_KEY}; {@code elasticsearch.key} has {@code FLOWSCORE_ES_KEY} (so the credentials'
 * variables are the same as for {@code score --es}); lists take commas.
 *
 * @param inputs        what to follow
 * @param model         model bundle, or null for the shipped one
 * @param threshold     decision threshold, or null for the model's
 * @param output        NDJSON copy of every flow, or null
 * @param elasticsearch where to index, or null
 * @param localNets     the site's address ranges, or null for the defaults
 * @param allowlist     the allowlist file, or null for none
 * @param alerts        {@code grouped} or {@code per-flow}, or null for grouped
 * @param alertWindow   the time window of an alert group, or null for the default
 */
public record TailConfig(List<Input> inputs, String model, Double threshold, String output, Elasticsearch elasticsearch,
                  String registry, Boolean startAtEnd, String statusInterval, Integer metricsPort, String pollInterval,
                  String idleFlush, List<String> localNets, String allowlist, String alerts, String alertWindow) {

    static final List<String> SCALARS = List.of("model", "threshold", "output", "registry", "start_at_end",
            "status_interval", "metrics_port", "poll_interval", "idle_flush", "allowlist", "alerts", "alert_window");
    static final List<String> ES_SCALARS = List.of("namespace", "ca", "ca_fingerprint", "insecure", "dead_letter",
            "username", "password", "api_key", "bearer_token");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One followed path or glob. */
    public record Input(String path, String format, String sensor, String zeekScopeSeparator) {
    }

    /** The Elasticsearch output; secrets may be here (keep the file private) or in the environment. */
    public record Elasticsearch(List<String> urls, String namespace, String ca, String caFingerprint, Boolean insecure,
                         String deadLetter, String username, String password, String apiKey, String bearerToken) {
        @Override
        public String toString() {
            return "elasticsearch " + urls;
        }
    }

    /** Reads the file (none: an empty tree), applies the environment, then the flags' tree. */
    public static TailConfig load(Path file, Map<String, String> environment, ObjectNode flags) {
        ObjectNode tree = file == null ? JsonNodeFactory.instance.objectNode() : readFile(file);
        overlayEnvironment(tree, environment);
        merge(tree, flags);
        try {
            return YAML.treeToValue(tree, TailConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException("tail settings: unknown setting '" + key(e) + "'" + source(file)
                    + "; known: " + e.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            throw new ConfigException("tail settings: '" + key(e) + "' " + source(file).strip() + ": "
                    + e.getOriginalMessage().replaceAll("\\s+", " "));
        } catch (IOException e) {
            throw new ConfigException("tail settings: " + e.getMessage());
        }
    }

    /**
     * The settings the tailer runs with.
     *
     * @param resetRegistry start over (a flag only: a config file that always resets would forget every restart)
     */
    public TailSettings settings(boolean resetRegistry) {
        List<InputSpec> specs = new ArrayList<>();
        List<Input> given = inputs == null ? List.of() : inputs;
        for (int i = 0; i < given.size(); i++) {
            Input in = given.get(i);
            if (in == null || in.path() == null || in.path().isBlank()) {
                throw new ConfigException("tail settings: 'inputs[" + i + "].path' is missing");
            }
            if (in.zeekScopeSeparator() != null && in.zeekScopeSeparator().isEmpty()) {
                throw new ConfigException("tail settings: 'inputs[" + i + "].zeek_scope_separator' is empty;"
                        + " use . or _ as your Zeek writes it, or leave it out to detect it");
            }
            specs.add(new InputSpec(in.path(), format("inputs[" + i + "].format", in.format()), in.sensor(),
                    in.zeekScopeSeparator()));
        }
        if (specs.isEmpty()) {
            throw new ConfigException("tail settings: no inputs; give PATHs or 'inputs' in --config FILE");
        }
        try {
            return new TailSettings(specs, registry == null ? TailSettings.DEFAULT_REGISTRY : Path.of(registry),
                    resetRegistry, Boolean.TRUE.equals(startAtEnd),
                    duration("poll_interval", pollInterval, TailSettings.DEFAULT_POLL),
                    duration("status_interval", statusInterval, TailSettings.DEFAULT_STATUS),
                    duration("idle_flush", idleFlush, TailSettings.DEFAULT_IDLE_FLUSH),
                    metricsPort, localNetworks());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("tail settings: " + e.getMessage());
        }
    }

    /** The Elasticsearch output's settings, or null without URLs; credentials from the file or environment. */
    public EsOutputSettings elasticsearchSettings() {
        Elasticsearch e = elasticsearch;
        if (e == null || e.urls() == null || e.urls().isEmpty()) {
            return null;
        }
        Map<String, String> credentials = new HashMap<>();
        putIfGiven(credentials, EsAuth.USERNAME, e.username());
        putIfGiven(credentials, EsAuth.PASSWORD, e.password());
        putIfGiven(credentials, EsAuth.API_KEY, e.apiKey());
        putIfGiven(credentials, EsAuth.BEARER_TOKEN, e.bearerToken());
        try {
            return EsOutputSettings.of(e.urls(), e.namespace(), EsAuth.fromEnvironment(credentials),
                    new EsTls(e.ca() == null ? null : Path.of(e.ca()), e.caFingerprint(),
                            Boolean.TRUE.equals(e.insecure())),
                    e.deadLetter() == null ? null : Path.of(e.deadLetter()), Batching.LIVE);
        } catch (IllegalArgumentException ex) {
            throw new ConfigException("tail settings: elasticsearch: " + ex.getMessage());
        }
    }

    /** The site's local networks: {@code local_nets}, else the defaults. */
    public LocalNetworks localNetworks() {
        if (localNets == null || localNets.isEmpty()) {
            return LocalNetworks.defaults();
        }
        try {
            return LocalNetworks.parse(localNets);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("tail settings: 'local_nets': " + e.getMessage());
        }
    }

    /** How alerts are made: {@code alerts} and {@code alert_window}, else grouped in five-minute windows. */
    public AlertSettings alertSettings() {
        try {
            return AlertSettings.of(alerts == null ? AlertMode.GROUPED : AlertMode.parse(alerts),
                    duration("alert_window", alertWindow, AlertSettings.DEFAULT_WINDOW));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("tail settings: '" + (alerts != null && e.getMessage().contains("mode")
                    ? "alerts" : "alert_window") + "': " + e.getMessage());
        }
    }

    private static Duration duration(String key, String value, Duration fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("tail settings: '" + key + "': " + e.getMessage());
        }
    }

    private static SourceFormat format(String key, String value) {
        if (value == null || value.equals("auto")) {
            return null;
        }
        for (SourceFormat f : SourceFormat.values()) {
            if (f.cliName().equals(value)) {
                return f;
            }
        }
        throw new ConfigException("tail settings: '" + key + "' must be auto, zeek-tsv, zeek-json or"
                + " suricata-eve, not '" + value + "'");
    }

    private static void putIfGiven(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
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

    private static void overlayEnvironment(ObjectNode tree, Map<String, String> env) {
        for (String key : SCALARS) {
            String value = env.get("FLOWSCORE_" + key.toUpperCase(Locale.ROOT));
            if (value != null && !value.isBlank()) {
                tree.put(key, value.strip());
            }
        }
        ObjectNode es = null;
        for (String key : ES_SCALARS) {
            String value = env.get("FLOWSCORE_ES_" + key.toUpperCase(Locale.ROOT));
            if (value != null && !value.isBlank()) {
                es = es != null ? es : child(tree, "elasticsearch");
                es.put(key, value.strip());
            }
        }
        String localNets = env.get("FLOWSCORE_LOCAL_NETS");
        if (localNets != null && !localNets.isBlank()) {
            ArrayNode list = tree.putArray("local_nets");
            for (String cidr : localNets.split(",")) {
                list.add(cidr.strip());
            }
        }
        String urls = env.get("FLOWSCORE_ES_URLS");
        if (urls != null && !urls.isBlank()) {
            ArrayNode list = child(tree, "elasticsearch").putArray("urls");
            for (String url : urls.split(",")) {
                list.add(url.strip());
            }
        }
    }

    /** Copies {@code from} into {@code into}; objects are merged key by key, anything else replaced. */
    private static void merge(ObjectNode into, ObjectNode from) {
        from.properties().forEach(entry -> {
            if (entry.getValue() instanceof ObjectNode object) {
                merge(child(into, entry.getKey()), object);
            } else {
                into.set(entry.getKey(), entry.getValue());
            }
        });
    }

    private static ObjectNode child(ObjectNode parent, String key) {
        return parent.get(key) instanceof ObjectNode existing ? existing : parent.putObject(key);
    }

    private static String key(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String source(Path file) {
        return file == null ? " (from the environment or a flag)" : " (in " + file + ", the environment or a flag)";
    }
}
