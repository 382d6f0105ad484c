package org.flowscore.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import org.flowscore.backfill.BackfillPlan;
import org.flowscore.backfill.RegistryCheckpoints;
import org.flowscore.backfill.TimeRange;
import org.flowscore.config.ConsumeConfig;
import org.flowscore.features.FeatureSettings;
import org.flowscore.flow.CommunityId;
import org.flowscore.format.ReaderContext;
import org.flowscore.kafka.FollowPublisher;
import org.flowscore.kafka.PublishRun;
import org.flowscore.read.ReadOptions;
import org.flowscore.source.InputResolver;
import org.flowscore.source.LineSource;
import org.flowscore.source.registry.FileCheckpoints;
import org.flowscore.source.registry.Registry;
import org.flowscore.source.registry.RegistryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "publish",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Produces archived or live logs to a Kafka topic, one record per connection keyed by sensor, for"
                    + " 'flowscore consume' to score.",
            "",
            "A backfill through Kafka: publish each sensor's history with its --sensor name, and the consumer group"
                    + " spreads the sensors over as many consume instances as the topic has partitions, each"
                    + " scoring its sensors in their logs' order. Reads files, folders and globs as 'flowscore"
                    + " backfill' does (zeekctl archives, Zeek and Suricata rotations, gzip), oldest first, one file"
                    + " after another so a sensor's records keep their order. Zeek JSON and Suricata EVE lines that"
                    + " hold a connection are produced as they are; a Zeek TSV line, meaningless without its header,"
                    + " as the Zeek JSON record of its connection. Lines that are no connection are counted, not"
                    + " produced.",
            "",
            "Resumable: a registry (--registry) keeps, per file, the offset up to which every record was"
                    + " acknowledged by all in-sync replicas; a run killed part way and started again resumes there"
                    + " and skips finished files. Each record is produced at least once; consume's deterministic"
                    + " document ids keep it once in Elasticsearch.",
            "",
            "With --follow it follows the PATHs as 'flowscore tail' does instead (through Zeek's and logrotate's"
                    + " rotations, copytruncate, files that do not exist yet), producing each connection as it is"
                    + " written, until SIGTERM or Ctrl-C; the registry lets a restart resume. Files rotated away while"
                    + " it was stopped are not read: publish them as archives.",
            "",
            "Brokers, TLS and SASL as for consume (--config FILE, FLOWSCORE_KAFKA_*).",
        },
        footer = {
            "",
            "Examples:",
            "  flowscore publish --kafka-bootstrap kafka1:9092 --topic zeek-by-sensor \\",
            "      --sensor dmz /opt/zeek/logs/",
            "  flowscore publish --config /etc/flowscore/flowscore-kafka.yml --topic eve \\",
            "      --sensor suricata-1 '/var/log/suricata/eve.json*'",
            "  flowscore publish --follow --kafka-bootstrap kafka1:9092 \\",
            "      --topic zeek-by-sensor --sensor dmz /opt/zeek/logs/current/conn.log",
        })
final class PublishCommand implements Callable<Integer> {
    private static final long FOLLOW_POLL_MILLIS = 100;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Log files, folders or quoted globs (gzip is read as it is).")
    List<String> paths;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML settings file (flags override it).")
    Path config;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--topic", paramLabel = "NAME", required = true, description = "The topic to produce to.")
    String topic;

    @Option(names = "--sensor", paramLabel = "NAME",
            description = "The sensor whose logs these are: every record's key, and the observer.name consume gives"
                    + " its documents (default: this host's name).")
    String sensor;

    @Option(names = "--format", paramLabel = "FORMAT", converter = InputOptions.FormatConverter.class,
            description = "Format of the PATHs: auto (default: detected per file), zeek-tsv, zeek-json, suricata-eve.")
    InputOptions.FormatChoice format = InputOptions.FormatChoice.auto;

    @Option(names = "--archive-zone", paramLabel = "ZONE",
            description = "Time zone of the clock times in archive names, which order the files (default:"
                    + " ${DEFAULT-VALUE}).")
    String archiveZone = "UTC";

    @Option(names = "--registry", paramLabel = "FILE",
            description = "Where the run records, per file, what the brokers acknowledged (default: ${DEFAULT-VALUE}).")
    Path registryFile = Path.of("flowscore-publish-registry.json");

    @Option(names = "--follow",
            description = "Follow the PATHs (files, existing or not yet) as they are written, until stopped.")
    boolean follow;

    @Option(names = "--reset-registry",
            description = "Start over: forget what earlier runs produced (the old registry is kept as FILE.old).")
    boolean resetRegistry;

    @Override
    public Integer call() throws Exception {
        ObjectNode flags = JsonNodeFactory.instance.objectNode();
        flags.set("kafka", kafka.tree());
        ConsumeConfig settings = ConsumeConfig.load(config, System.getenv(), flags);
        ZoneId zone;
        try {
            zone = ZoneId.of(archiveZone);
        } catch (DateTimeException e) {
            throw new UserFacingException("--archive-zone " + archiveZone + ": not a time zone (use e.g. UTC,"
                    + " Europe/Berlin or +02:00)");
        }
        String key = sensor != null ? sensor : hostName();
        ReadOptions read = new ReadOptions(format.format, false, LineSource.DEFAULT_MAX_LINE_BYTES,
                new ReaderContext(key, new CommunityId(0)));
        var err = spec.commandLine().getErr();
        if (follow) {
            return follow(settings, key, read, err);
        }
        try (RegistryCheckpoints checkpoints = new RegistryCheckpoints(Registry.open(registryFile, resetRegistry))) {
            BackfillPlan plan = BackfillPlan.of(InputResolver.resolve(paths), TimeRange.ALL, zone, read,
                    FeatureSettings.defaults(), checkpoints);
            PublishRun.Summary summary = new PublishRun(settings.connection(), topic, key, read, checkpoints, err)
                    .run(plan);
            summary.print(err);
            err.flush();
            return summary.failed() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
        } catch (RegistryException | KafkaException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    private int follow(ConsumeConfig settings, String key, ReadOptions read, java.io.PrintWriter err)
            throws Exception {
        List<Path> files = paths.stream().map(p -> Path.of(p).toAbsolutePath().normalize()).toList();
        try (FileCheckpoints checkpoints = new FileCheckpoints(Registry.open(registryFile, resetRegistry))) {
            FollowPublisher publisher = new FollowPublisher(settings.connection(), topic, key, files, read,
                    checkpoints, err);
            StopSignals.onStop(publisher::requestStop);
            publisher.run(FOLLOW_POLL_MILLIS);
        } catch (RegistryException | KafkaException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new UserFacingException("this host has no name to key the records by: give --sensor NAME");
        }
    }
}
