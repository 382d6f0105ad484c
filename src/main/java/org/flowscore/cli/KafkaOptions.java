package org.flowscore.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Where the brokers are, for consume, publish and rekey. TLS and SASL settings, secrets among them, are
 * deliberately not options: a flag's value shows in {@code ps} and shell history, so they come from the settings
 * file or FLOWSCORE_KAFKA_TLS_* and FLOWSCORE_KAFKA_SASL_* variables.
 */
final class KafkaOptions {
    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT", split = ",",
            description = "Kafka brokers to start from (repeat or separate with commas).")
    List<String> bootstrap;

    /** The given options as the {@code kafka} section's tree. */
    ObjectNode tree() {
        ObjectNode kafka = JsonNodeFactory.instance.objectNode();
        if (bootstrap != null && !bootstrap.isEmpty()) {
            ArrayNode list = kafka.putArray("bootstrap");
            bootstrap.forEach(list::add);
        }
        return kafka;
    }
}
