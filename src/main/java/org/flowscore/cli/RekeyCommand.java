package org.flowscore.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.flowscore.config.ConsumeConfig;
import org.flowscore.config.Durations;
import org.flowscore.kafka.RekeyRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rekey",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Copies an unkeyed topic into a topic keyed by sensor, so that 'flowscore consume' can score it.",
            "",
            "zeek-kafka sends its records without a key, so on a topic of several partitions one sensor's records"
                    + " are spread over all of them and no consumer sees them in the order they were logged. rekey"
                    + " reads every partition of --topic, merges them back into the order they were produced in"
                    + " (by timestamp; records of the same millisecond in the runs the producer wrote) and produces"
                    + " each record unchanged to --to with its sensor as key, named by a field (--sensor-from"
                    + " field:NAME, e.g. one of zeek-kafka's Kafka::additional_message_values) or by the topic"
                    + " (--sensor-from topic). Records that name no sensor are counted and skipped.",
            "",
            "Exactly once: records are produced in Kafka transactions that also commit rekey's position in --topic"
                    + " (as --group), so a killed rekey resumes where its last transaction ended and the keyed topic"
                    + " holds each record once; consume reads only committed transactions. Run one rekey per topic:"
                    + " a second one of the same group takes over from the first.",
            "",
            "Brokers, TLS and SASL as for consume (--config FILE, FLOWSCORE_KAFKA_*). SIGTERM or Ctrl-C commits what"
                    + " was produced and exits 0.",
        },
        footer = {
            "",
            "Example:",
            "  flowscore rekey --kafka-bootstrap kafka1:9092 --topic zeek \\",
            "      --to zeek-by-sensor --sensor-from field:sensor",
        })
final class RekeyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML settings file (flags override it).")
    Path config;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--topic", paramLabel = "NAME", required = true, description = "The unkeyed topic to read.")
    String topic;

    @Option(names = "--to", paramLabel = "NAME", required = true,
            description = "The topic to write, keyed by sensor (create it with as many partitions as consume"
                    + " instances are to share).")
    String to;

    @Option(names = "--sensor-from", paramLabel = "SOURCE",
            description = "Where a record's sensor comes from: field:NAME (e.g. field:sensor, field:host.name) or"
                    + " topic.")
    String sensorFrom;

    @Option(names = "--group", paramLabel = "ID",
            description = "The group rekey's position is committed under (default: flowscore-rekey-TOPIC).")
    String group;

    @Option(names = "--status-interval", paramLabel = "D", description = "Status line period; 0 for none (default: 30s).")
    String statusInterval;

    @Override
    public Integer call() {
        ObjectNode flags = JsonNodeFactory.instance.objectNode();
        ObjectNode k = kafka.tree();
        Flags.putIfGiven(k, "sensor_from", sensorFrom);
        flags.set("kafka", k);
        ConsumeConfig settings = ConsumeConfig.load(config, System.getenv(), flags);
        Duration status;
        try {
            status = statusInterval == null ? Duration.ofSeconds(30) : Durations.parse(statusInterval);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--status-interval: " + e.getMessage());
        }
        RekeyRunner runner;
        try {
            runner = new RekeyRunner(settings.connection(), topic, to, settings.sensorSource(),
                    group != null ? group : "flowscore-rekey-" + topic, status, spec.commandLine().getErr());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        StopSignals.onStop(runner::requestStop);
        try {
            runner.run();
        } catch (KafkaException | IllegalArgumentException e) {
            throw new UserFacingException("rekey " + topic + " into " + to + ": " + e.getMessage(), e);
        }
        return ExitCodes.OK;
    }
}
