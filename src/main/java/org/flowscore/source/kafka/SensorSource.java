package org.flowscore.source.kafka;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a record's sensor name comes from, so that each sensor's connections get feature windows of their own:
 * the message key (a topic keyed by sensor, as {@code publish} and {@code rekey} produce it), a field of the record
 * (zeek-kafka's {@code additional_message_values}, Filebeat's {@code host.name}), or the topic (one topic per
 * sensor).
 */
public sealed interface SensorSource {

    /** The sensor of a record, or null when it names none (no key, no such field). */
    String sensor(String topic, byte[] key, RecordPayload payload);

    /** The field to look up in each payload, or null. */
    default String field() {
        return null;
    }

    /** The message key, as UTF-8 text. */
    record FromKey() implements SensorSource {
        @Override
        public String sensor(String topic, byte[] key, RecordPayload payload) {
            return key == null || key.length == 0 ? null : new String(key, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "key";
        }
    }

    /**
     * The topic: the first group of {@code pattern} where it has one and matches ({@code zeek-conn-(.+)} names
     * the sensor {@code dmz} in topic {@code zeek-conn-dmz}), else the whole topic name.
     */
    record FromTopic(Pattern pattern) implements SensorSource {
        @Override
        public String sensor(String topic, byte[] key, RecordPayload payload) {
            if (pattern != null) {
                Matcher m = pattern.matcher(topic);
                if (m.matches() && m.groupCount() >= 1 && m.group(1) != null && !m.group(1).isEmpty()) {
                    return m.group(1);
                }
            }
            return topic;
        }

        @Override
        public String toString() {
            return "topic";
        }
    }

    /** A field of the record (or of the envelope around it), dotted for nested objects. */
    record FromField(String path) implements SensorSource {
        public FromField {
            if (path == null || path.isBlank() || path.startsWith(".") || path.endsWith(".")) {
                throw new IllegalArgumentException("a sensor field needs a name, e.g. host.name, not '" + path + "'");
            }
        }

        @Override
        public String sensor(String topic, byte[] key, RecordPayload payload) {
            String value = payload.sensorField();
            return value == null || value.isBlank() ? null : value;
        }

        @Override
        public String field() {
            return path;
        }

        @Override
        public String toString() {
            return "field:" + path;
        }
    }

    /**
     * {@code key}, {@code topic} or {@code field:NAME}.
     *
     * @param topicPattern the subscription's pattern, whose first group names the sensor in {@code topic} mode
     * @throws IllegalArgumentException naming the three forms
     */
    static SensorSource parse(String spec, Pattern topicPattern) {
        if (spec == null || spec.equals("key")) {
            return new FromKey();
        }
        if (spec.equals("topic")) {
            return new FromTopic(topicPattern);
        }
        if (spec.startsWith("field:")) {
            return new FromField(spec.substring("field:".length()));
        }
        throw new IllegalArgumentException("sensor_from must be key, topic or field:NAME (e.g. field:host.name),"
                + " not '" + spec + "'");
    }
}
