package org.flowscore.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowscore.source.kafka.KafkaConnection;

/**
 * The {@code kafka} section of the settings of {@code consume}, {@code publish} and {@code rekey}. Secrets (the SASL
 * password, the key's password) may be in the file (keep it private) or in the environment
 * ({@code FLOWSCORE_KAFKA_SASL_PASSWORD}); there are no flags for them.
 *
 * @param bootstrap     brokers as {@code HOST:PORT}
 * @param topics        topics to read (consume, rekey) or to write (publish)
 * @param topicPattern  consume: a regular expression of topics to read
 * @param group         consume: the consumer group
 * @param sensorFrom    consume and rekey: {@code key}, {@code topic} or {@code field:NAME}
 * @param warmUp        consume: how far back in record time a partition is read again for the windows
 * @param warmUpRecords consume: at most this many records per partition read again
 * @param startAtEnd    consume: a partition without a committed offset is delivered from its end
 * @param outputTopic   consume: the scored documents into this topic too
 * @param client        Kafka client properties set as given (e.g. {@code session.timeout.ms: 10000})
 */
public record KafkaSection(List<String> bootstrap, List<String> topics, String topicPattern, String group,
                           String sensorFrom, String warmUp, Long warmUpRecords, Boolean startAtEnd,
                           String outputTopic, Tls tls, Sasl sasl, Map<String, String> client) {

    static final List<String> SCALARS = List.of("topic_pattern", "group", "sensor_from", "warm_up", "warm_up_records",
            "start_at_end", "output_topic");

    /** TLS to the brokers: PEM files. */
    public record Tls(String ca, String certificate, String keyPassword) {
        @Override
        public String toString() {
            return "tls";
        }
    }

    /** SASL PLAIN or SCRAM credentials. */
    public record Sasl(String mechanism, String username, String password) {
        @Override
        public String toString() {
            return "sasl " + mechanism + " " + username;
        }
    }

    /** {@code FLOWSCORE_KAFKA_<KEY>} into {@code kafka.key}; lists split at commas. */
    static void overlayEnvironment(ObjectNode tree, Map<String, String> env) {
        for (String key : SCALARS) {
            String value = env.get("FLOWSCORE_KAFKA_" + key.toUpperCase(Locale.ROOT));
            if (value != null && !value.isBlank()) {
                SettingsTree.child(tree, "kafka").put(key, value.strip());
            }
        }
        for (String key : List.of("bootstrap", "topics")) {
            String value = env.get("FLOWSCORE_KAFKA_" + key.toUpperCase(Locale.ROOT));
            if (value != null && !value.isBlank()) {
                SettingsTree.putList(SettingsTree.child(tree, "kafka"), key, value);
            }
        }
        for (String section : List.of("tls", "sasl")) {
            List<String> keys = section.equals("tls") ? List.of("ca", "certificate", "key_password")
                    : List.of("mechanism", "username", "password");
            for (String key : keys) {
                String value = env.get("FLOWSCORE_KAFKA_" + section.toUpperCase(Locale.ROOT) + "_"
                        + key.toUpperCase(Locale.ROOT));
                if (value != null && !value.isBlank()) {
                    SettingsTree.child(SettingsTree.child(tree, "kafka"), section).put(key, value.strip());
                }
            }
        }
    }

    /** The brokers and their security; {@code what} names the settings in messages. */
    KafkaConnection connection(String what) {
        try {
            return new KafkaConnection(bootstrap, tls == null ? null : new KafkaConnection.Tls(
                    tls.ca() == null ? null : Path.of(tls.ca()),
                    tls.certificate() == null ? null : Path.of(tls.certificate()), tls.keyPassword()),
                    sasl == null ? null : new KafkaConnection.Sasl(sasl.mechanism(), sasl.username(), sasl.password()),
                    client);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(what + ": " + e.getMessage());
        }
    }
}
