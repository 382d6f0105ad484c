package org.flowscore.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.flowscore.alerts.AlertSettings;
import org.flowscore.flow.LocalNetworks;
import org.flowscore.kafka.ConsumeSettings;
import org.flowscore.sink.es.Batching;
import org.flowscore.sink.es.EsOutputSettings;
import org.flowscore.source.kafka.KafkaConnection;
import org.flowscore.source.kafka.SensorSource;

/**
 * The settings of {@code consume}, {@code publish} and {@code rekey}: a config file, then environment variables, then
 * flags, merged as {@link TailConfig} merges tail's. Every scalar setting {@code key} has the variable
 * {@code FLOWSCORE_KEY}; {@code kafka.key} has {@code FLOWSCORE_KAFKA_KEY} ({@code kafka.sasl.password}:
 * {@code FLOWSCORE_KAFKA_SASL_PASSWORD}); {@code elasticsearch.key} has {@code FLOWSCORE_ES_KEY}.
 *
 * @param kafka         the brokers, topics, group and security
 * @param model         model bundle, or null for the shipped one
 * @param threshold     decision threshold, or null for the model's
 * @param output        NDJSON copy of every flow, or null
 * @param elasticsearch where to index, or null
 * @param localNets     the site's address ranges, or null for the defaults
 * @param allowlist     the allowlist file, or null for none
 * @param alerts        grouped or per-flow, or null for grouped
 * @param alertWindow   an alert group's window, or null for the default
 */
public record ConsumeConfig(KafkaSection kafka, String model, Double threshold, String output,
                            TailConfig.Elasticsearch elasticsearch, String statusInterval, Integer metricsPort,
                            String idleFlush, List<String> localNets, String allowlist, String alerts,
                            String alertWindow) {

    static final List<String> SCALARS = List.of("model", "threshold", "output", "status_interval", "metrics_port",
            "idle_flush", "allowlist", "alerts", "alert_window");
    private static final String WHAT = "kafka settings";

    /** Reads the file (none: an empty tree), applies the environment, then the flags' tree. */
    public static ConsumeConfig load(Path file, Map<String, String> environment, ObjectNode flags) {
        return SettingsTree.load(ConsumeConfig.class, WHAT, file, tree -> {
            for (String key : SCALARS) {
                String value = environment.get("FLOWSCORE_" + key.toUpperCase(Locale.ROOT));
                if (value != null && !value.isBlank()) {
                    tree.put(key, value.strip());
                }
            }
            SettingsTree.overlayElasticsearch(tree, environment);
            KafkaSection.overlayEnvironment(tree, environment);
        }, flags);
    }

    /** The brokers and their security. */
    public KafkaConnection connection() {
        return section().connection(WHAT);
    }

    /** The topics named, for publish and rekey. */
    public List<String> topics() {
        return section().topics() == null ? List.of() : section().topics();
    }

    /** Where each record's sensor comes from. */
    public SensorSource sensorSource() {
        try {
            return SensorSource.parse(section().sensorFrom(), pattern());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(WHAT + ": 'kafka." + e.getMessage());
        }
    }

    /** The topic of the scored documents, or null. */
    public String outputTopic() {
        return section().outputTopic();
    }

    /** The settings {@code consume} runs with. */
    public ConsumeSettings consumeSettings() {
        KafkaSection k = section();
        try {
            return new ConsumeSettings(connection(), k.topics(), pattern(), k.group(), sensorSource(),
                    SettingsTree.duration(WHAT, "kafka.warm_up", k.warmUp(), ConsumeSettings.DEFAULT_WARM_UP),
                    k.warmUpRecords() == null ? ConsumeSettings.DEFAULT_WARM_UP_RECORDS : k.warmUpRecords(),
                    Boolean.TRUE.equals(k.startAtEnd()),
                    SettingsTree.duration(WHAT, "status_interval", statusInterval, ConsumeSettings.DEFAULT_STATUS),
                    metricsPort,
                    SettingsTree.duration(WHAT, "idle_flush", idleFlush, ConsumeSettings.DEFAULT_IDLE_FLUSH),
                    localNetworks());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(WHAT + ": " + e.getMessage());
        }
    }

    /** The Elasticsearch output's settings, or null without URLs. */
    public EsOutputSettings elasticsearchSettings() {
        return elasticsearch == null ? null : elasticsearch.settings(WHAT, Batching.LIVE);
    }

    /** How alerts are made: as tail makes them. */
    public AlertSettings alertSettings() {
        return SettingsTree.alertSettings(WHAT, alerts, alertWindow);
    }

    public LocalNetworks localNetworks() {
        return SettingsTree.localNetworks(WHAT, localNets);
    }

    /** How long a status line waits. */
    public Duration statusEvery() {
        return SettingsTree.duration(WHAT, "status_interval", statusInterval, ConsumeSettings.DEFAULT_STATUS);
    }

    private KafkaSection section() {
        if (kafka == null || kafka.bootstrap() == null || kafka.bootstrap().isEmpty()) {
            throw new ConfigException(WHAT + ": no brokers; give --kafka-bootstrap HOST:PORT or 'kafka.bootstrap'"
                    + " in --config FILE (or FLOWSCORE_KAFKA_BOOTSTRAP)");
        }
        return kafka;
    }

    private Pattern pattern() {
        String p = section().topicPattern();
        try {
            return p == null ? null : Pattern.compile(p);
        } catch (PatternSyntaxException e) {
            throw new ConfigException(WHAT + ": 'kafka.topic_pattern' is not a regular expression: "
                    + e.getDescription());
        }
    }
}
