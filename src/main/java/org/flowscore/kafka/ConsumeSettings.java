package org.flowscore.kafka;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.flowscore.flow.LocalNetworks;
import org.flowscore.source.kafka.KafkaConnection;
import org.flowscore.source.kafka.SensorSource;

/**
 * How {@code consume} runs, once the settings file, the environment and the flags were merged.
 *
 * @param connection     the brokers and their security
 * @param topics         the topics to subscribe to, or empty with a pattern
 * @param topicPattern   a regular expression of topics to subscribe to (new matching topics are picked up), or
 *                       null with topics
 * @param group          the consumer group: instances with the same group share the partitions
 * @param sensors        where each record's sensor name comes from
 * @param warmUp         how far back (in record time) before the committed offset an assigned partition is read
 *                       again for its feature windows
 * @param warmUpRecords  at most this many records per partition are read again for them
 * @param startAtEnd     a partition without a committed offset is delivered from its end, not its beginning
 * @param statusInterval how often the status line is printed; zero for never
 * @param metricsPort    the loopback port for Prometheus metrics, or null for none
 * @param idleFlush      after this long without a record, a sensor's buffered connections are released; zero
 *                       for never
 * @param localNetworks  the site's address ranges, for direction where a log has no local flags
 */
public record ConsumeSettings(KafkaConnection connection, List<String> topics, Pattern topicPattern, String group,
                              SensorSource sensors, Duration warmUp, long warmUpRecords, boolean startAtEnd,
                              Duration statusInterval, Integer metricsPort, Duration idleFlush,
                              LocalNetworks localNetworks) {
    public static final Duration DEFAULT_WARM_UP = Duration.ofHours(1);
    public static final long DEFAULT_WARM_UP_RECORDS = 1_000_000;
    public static final Duration DEFAULT_STATUS = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLE_FLUSH = Duration.ofSeconds(1);

    public ConsumeSettings {
        topics = topics == null ? List.of() : List.copyOf(topics);
        if (topics.isEmpty() == (topicPattern == null)) {
            throw new IllegalArgumentException("give either topics or a topic pattern to consume, not "
                    + (topics.isEmpty() ? "neither" : "both"));
        }
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("kafka.group: name the consumer group (instances with the same group"
                    + " share the partitions)");
        }
        if (warmUp.isNegative() || warmUpRecords < 0) {
            throw new IllegalArgumentException("warm_up and warm_up_records cannot be negative");
        }
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            throw new IllegalArgumentException("metrics_port must be between 0 and 65535, got " + metricsPort);
        }
        if (localNetworks == null) {
            throw new IllegalArgumentException("local networks: none given");
        }
    }

    /** What is subscribed to, for messages. */
    String subscription() {
        return topicPattern != null ? "topics matching " + topicPattern.pattern() : "topic" + (topics.size() > 1 ? "s " : " ")
                + String.join(", ", topics);
    }
}
