package org.flowscore.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * @param threads       scoring workers per followed path, or null for the processor count
 */
public record TailConfig(List<Input> inputs, String model, Double threshold, String output, Elasticsearch elasticsearch,
                  String registry, Boolean startAtEnd, String statusInterval, Integer metricsPort, String pollInterval,
                  String idleFlush, List<String> localNets, String allowlist, String alerts, String alertWindow,
                  Integer threads) {

    static final List<String> SCALARS = List.of("model", "threshold", "output", "registry", "start_at_end",
            "status_interval", "metrics_port", "poll_interval", "idle_flush", "allowlist", "alerts", "alert_window",
            "threads");

    /** One followed path or glob. */
    public record Input(String path, String format, String sensor, String zeekScopeSeparator) {
    }

    /** The Elasticsearch output; secrets may be here (keep the file private) or in the environment. */
    public record Elasticsearch(List<String> urls, String namespace, String ca, String caFingerprint, Boolean insecure,
                         String deadLetter, String username, String password, String apiKey, String bearerToken) {

        /** The output's settings, or null without URLs; {@code what} names the settings in messages. */
        EsOutputSettings settings(String what, Batching batching) {
            if (urls == null || urls.isEmpty()) {
                return null;
            }
            Map<String, String> credentials = new HashMap<>();
            putIfGiven(credentials, EsAuth.USERNAME, username);
            putIfGiven(credentials, EsAuth.PASSWORD, password);
            putIfGiven(credentials, EsAuth.API_KEY, apiKey);
            putIfGiven(credentials, EsAuth.BEARER_TOKEN, bearerToken);
            try {
                return EsOutputSettings.of(urls, namespace, EsAuth.fromEnvironment(credentials),
                        new EsTls(ca == null ? null : Path.of(ca), caFingerprint, Boolean.TRUE.equals(insecure)),
                        deadLetter == null ? null : Path.of(deadLetter), batching);
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(what + ": elasticsearch: " + ex.getMessage());
            }
        }

        @Override
        public String toString() {
            return "elasticsearch " + urls;
        }
    }

    /** Reads the file (none: an empty tree), applies the environment, then the flags' tree. */
    public static TailConfig load(Path file, Map<String, String> environment, ObjectNode flags) {
        return SettingsTree.load(TailConfig.class, "tail settings", file, tree -> overlayEnvironment(tree, environment),
                flags);
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
                    metricsPort, localNetworks(),
                    threads == null ? TailSettings.defaultThreads() : threads);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("tail settings: " + e.getMessage());
        }
    }

    /** The Elasticsearch output's settings, or null without URLs; credentials from the file or environment. */
    public EsOutputSettings elasticsearchSettings() {
        return elasticsearch == null ? null : elasticsearch.settings("tail settings", Batching.LIVE);
    }

    /** The site's local networks: {@code local_nets}, else the defaults. */
    public LocalNetworks localNetworks() {
        return SettingsTree.localNetworks("tail settings", localNets);
    }

    /** How alerts are made: {@code alerts} and {@code alert_window}, else grouped in five-minute windows. */
    public AlertSettings alertSettings() {
        return SettingsTree.alertSettings("tail settings", alerts, alertWindow);
    }

    private static Duration duration(String key, String value, Duration fallback) {
        return SettingsTree.duration("tail settings", key, value, fallback);
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

    private static void overlayEnvironment(ObjectNode tree, Map<String, String> env) {
        for (String key : SCALARS) {
            String value = env.get("FLOWSCORE_" + key.toUpperCase(Locale.ROOT));
            if (value != null && !value.isBlank()) {
                tree.put(key, value.strip());
            }
        }
        SettingsTree.overlayElasticsearch(tree, env);
    }
}
