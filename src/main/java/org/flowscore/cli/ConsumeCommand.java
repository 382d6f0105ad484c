package org.flowscore.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.flowscore.alerts.AlertingOutput;
import org.flowscore.allowlist.WatchedAllowlist;
import org.flowscore.config.ConsumeConfig;
import org.flowscore.elastic.EsConnectionException;
import org.flowscore.kafka.ConsumeRunner;
import org.flowscore.kafka.ConsumeSettings;
import org.flowscore.kafka.TopicLayoutException;
import org.flowscore.model.Model;
import org.flowscore.model.ModelBundle;
import org.flowscore.sink.FileOutput;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.Tee;
import org.flowscore.sink.es.EsOutputSettings;
import org.flowscore.sink.es.EsSink;
import org.flowscore.sink.kafka.KafkaOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "consume",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Scores the connection records of Kafka topics as a member of a consumer group: the daemon for many"
                    + " sensors, a Zeek cluster, or a large backfill spread over machines.",
            "",
            "Start one instance per machine with the same --group: Kafka spreads the topics' partitions (the"
                    + " sensors) over them and hands a partition over when an instance joins, stops or dies. Each"
                    + " sensor gets feature windows of its own, fed in the order its partition holds its records, so"
                    + " its documents equal those 'flowscore score' makes of its log. Records may be Zeek JSON conn"
                    + " records (bare, or zeek-kafka's {\"conn\": ...} with its additional values), Suricata EVE lines"
                    + " (flow and netflow events become connections, others are counted), or a shipper's envelope"
                    + " whose 'message' holds such a line (Filebeat, Logstash, Fluent Bit); anything else is counted"
                    + " and skipped, as a bad line is.",
            "",
            "The sensor comes from the record's key (--sensor-from key: a topic keyed by sensor, as 'flowscore"
                    + " publish' and 'flowscore rekey' write it), a field (--sensor-from field:host.name), or the"
                    + " topic (--sensor-from topic: one topic per sensor; with --topic-pattern 'zeek-conn-(.+)' the"
                    + " group names it). A topic of several partitions whose records have no key spreads a sensor"
                    + " over them and is refused, naming 'flowscore rekey' as the fix.",
            "",
            "Offsets are committed per partition only up to the records every output acknowledged. A partition"
                    + " taken over is read again from before its committed offset (--warm-up of record time, at most"
                    + " --warm-up-records) to rebuild its windows without writing; what the previous owner wrote but"
                    + " did not commit is written again under the same document ids, which Elasticsearch keeps once"
                    + " (an NDJSON file gets such records twice).",
            "",
            "Settings come from --config FILE (YAML; see config/flowscore-kafka.yml), then environment variables"
                    + " (FLOWSCORE_<SETTING>, FLOWSCORE_KAFKA_<SETTING> for kafka.*, FLOWSCORE_ES_<SETTING> for"
                    + " elasticsearch.*), then flags. TLS and SASL (PLAIN, SCRAM-SHA-256/512) come from the file or"
                    + " the environment only (FLOWSCORE_KAFKA_SASL_PASSWORD), never from flags. A status line with"
                    + " each owned partition's committed offset and lag goes to stderr every --status-interval;"
                    + " --metrics-port serves them as Prometheus metrics. SIGTERM or Ctrl-C stops reading, waits"
                    + " briefly for acknowledgements, commits and leaves the group.",
        },
        footer = {
            "",
            "Examples:",
            "  flowscore consume --config /etc/flowscore/flowscore-kafka.yml",
            "  flowscore consume --kafka-bootstrap kafka1:9092 --topic zeek-conn \\",
            "      --group flowscore --es http://localhost:9200",
            "  flowscore consume --kafka-bootstrap kafka1:9092 \\",
            "      --topic-pattern 'zeek-conn-(.+)' --sensor-from topic \\",
            "      --group flowscore -o flows.ndjson",
        })
final class ConsumeCommand implements Callable<Integer> {
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML settings file (flags override it).")
    Path config;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--topic", paramLabel = "NAME", description = "A topic to consume (repeat for several).")
    List<String> topics;

    @Option(names = "--topic-pattern", paramLabel = "REGEX",
            description = "Consume every topic matching REGEX, new ones too; its first group can name the sensor.")
    String topicPattern;

    @Option(names = "--group", paramLabel = "ID",
            description = "The consumer group: instances with the same group share the partitions.")
    String group;

    @Option(names = "--sensor-from", paramLabel = "SOURCE",
            description = "Where a record's sensor comes from: key (default), topic, or field:NAME (e.g."
                    + " field:host.name, field:sensor).")
    String sensorFrom;

    @Option(names = "--warm-up", paramLabel = "D",
            description = "How far back (record time) before the committed offset a partition taken over is read"
                    + " again for its windows (default: 1h, the default model's longest window).")
    String warmUp;

    @Option(names = "--warm-up-records", paramLabel = "N",
            description = "At most this many records per partition read again for the windows (default: 1000000).")
    Long warmUpRecords;

    @Option(names = "--start-at-end",
            description = "Deliver a partition the group never committed from its end (its last --warm-up still"
                    + " feeds the windows) instead of its beginning.")
    Boolean startAtEnd;

    @Option(names = "--kafka-output", paramLabel = "TOPIC",
            description = "Also produce every flow's ECS document to TOPIC, keyed by its document id.")
    String kafkaOutput;

    @Mixin
    DaemonOutputOptions outputOptions;

    @Option(names = "--status-interval", paramLabel = "D", description = "Status line period; 0 for none (default: 30s).")
    String statusInterval;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve Prometheus metrics on 127.0.0.1:PORT.")
    Integer metricsPort;

    @Option(names = "--local-nets", paramLabel = "CIDR[,CIDR...]", split = ",",
            description = "Your own address ranges, for each connection's direction where the record has no"
                    + " local_orig/local_resp (default: RFC 1918, 100.64.0.0/10, 169.254.0.0/16, fc00::/7,"
                    + " fe80::/10).")
    List<String> localNets;

    @Option(names = "--idle-flush", paramLabel = "D",
            description = "Release a sensor's buffered connections after this long without a record; 0 for never"
                    + " (default: 1s).")
    String idleFlush;

    @Override
    public Integer call() throws Exception {
        ConsumeConfig settings = ConsumeConfig.load(config, System.getenv(), flags());
        ConsumeSettings consume = settings.consumeSettings();
        Model scoring = ModelBundle.readNamed(settings.model());
        double cut = ThresholdOption.checked(settings.threshold() != null ? settings.threshold() : scoring.threshold(),
                "kafka settings: 'threshold'");
        var err = spec.commandLine().getErr();
        EsOutputSettings esSettings = settings.elasticsearchSettings();
        if (esSettings == null && settings.output() == null && settings.outputTopic() == null) {
            throw new UserFacingException("consume needs an output: --es URL (or elasticsearch.urls), -o FILE (or"
                    + " output) and/or --kafka-output TOPIC (or kafka.output_topic)");
        }
        WatchedAllowlist allowlist = DaemonAlerts.openAllowlist(settings.allowlist(), err);
        try (OutputStream file = settings.output() == null ? null : Outputs.append(Path.of(settings.output()));
             EsSink sink = esSettings == null ? null : EsSink.open(esSettings, Outputs.notes(err));
             KafkaOutput topic = settings.outputTopic() == null ? null
                     : new KafkaOutput(consume.connection().withOverrides(consume.connection().clientProperties()),
                             settings.outputTopic(),
                             Outputs.notes(err))) {
            List<FlowOutput> outputs = new ArrayList<>();
            if (sink != null) {
                outputs.add(sink);
            }
            if (file != null) {
                outputs.add(FileOutput.ndjson(file));
            }
            if (topic != null) {
                outputs.add(topic);
            }
            AlertingOutput output = DaemonAlerts.around(new Tee(outputs), settings.alertSettings(), allowlist);
            ConsumeRunner runner = new ConsumeRunner(consume, scoring, cut, output,
                    () -> sink == null ? null : sink.writer().stats(), allowlist, err);
            StopSignals.onStop(runner::requestStop);
            runner.run(SHUTDOWN_GRACE);
            err.println("flowscore: " + output.counts().line());
        } catch (EsConnectionException | TopicLayoutException | KafkaException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    /** The flags that were given, as a settings tree. */
    private ObjectNode flags() {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        ObjectNode k = kafka.tree();
        if (topics != null && !topics.isEmpty()) {
            ArrayNode list = k.putArray("topics");
            topics.forEach(list::add);
        }
        Flags.putIfGiven(k, "topic_pattern", topicPattern);
        Flags.putIfGiven(k, "group", group);
        Flags.putIfGiven(k, "sensor_from", sensorFrom);
        Flags.putIfGiven(k, "warm_up", warmUp);
        if (warmUpRecords != null) {
            k.put("warm_up_records", warmUpRecords);
        }
        if (startAtEnd != null) {
            k.put("start_at_end", startAtEnd);
        }
        Flags.putIfGiven(k, "output_topic", kafkaOutput);
        if (!k.isEmpty()) {
            tree.set("kafka", k);
        }
        outputOptions.putInto(tree);
        Flags.putIfGiven(tree, "status_interval", statusInterval);
        if (metricsPort != null) {
            tree.put("metrics_port", metricsPort);
        }
        Flags.putIfGiven(tree, "idle_flush", idleFlush);
        if (localNets != null && !localNets.isEmpty()) {
            ArrayNode cidrs = tree.putArray("local_nets");
            localNets.forEach(cidrs::add);
        }
        return tree;
    }
}
