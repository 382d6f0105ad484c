package org.flowscore.kafka;

/**
 * The topic's layout would score a sensor's records out of the order they were logged: its records carry no key
 * while it has several partitions, or one sensor's records arrive in two partitions. {@code consume} refuses it
 * with a message naming the fix rather than mis-windowing quietly.
 */
public final class TopicLayoutException extends RuntimeException {
    TopicLayoutException(String message) {
        super(message);
    }

    static TopicLayoutException unkeyed(String topic, int partitions, String bootstrap) {
        return new TopicLayoutException("topic " + topic + " has " + partitions + " partitions and its records carry"
                + " no key (zeek-kafka sends none): one sensor's records are spread over the partitions, and no"
                + " consumer sees them in the order they were logged, so their windowed features would be wrong."
                + " Re-key it into a topic keyed by sensor and consume that: 'flowscore rekey --kafka-bootstrap "
                + bootstrap + " --topic " + topic + " --to " + topic + "-by-sensor --sensor-from field:NAME'"
                + " (NAME: the field that names the sensor, e.g. one of Kafka::additional_message_values)."
                + " Or have the shipper key records by sensor, or give the topic one partition.");
    }

    static TopicLayoutException sensorInTwoPartitions(String sensor, String first, String second, String bootstrap) {
        return new TopicLayoutException("sensor " + sensor + " has records in partitions " + first + " and " + second
                + ": the records' keys do not follow their sensor, so its records are not in one order and its"
                + " windowed features would be wrong. Re-key the topic by sensor with 'flowscore rekey"
                + " --kafka-bootstrap " + bootstrap + " --topic TOPIC --to TOPIC-by-sensor --sensor-from ...' and"
                + " consume that, or key the records by sensor where they are produced.");
    }
}
