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
import org.flowscore.alerts.AlertSettings;
import org.flowscore.alerts.AlertingOutput;
import org.flowscore.allowlist.WatchedAllowlist;
import org.flowscore.config.TailConfig;
import org.flowscore.elastic.EsConnectionException;
import org.flowscore.model.Model;
import org.flowscore.model.ModelBundle;
import org.flowscore.sink.FileOutput;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.Tee;
import org.flowscore.sink.es.EsOutputSettings;
import org.flowscore.sink.es.EsSink;
import org.flowscore.source.registry.RegistryException;
import org.flowscore.tail.TailRunner;
import org.flowscore.tail.TailSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "tail",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Follows live logs and scores every new connection as it is written.",
            "",
            "The daemon a sensor runs all day.",
            "",
            "Follows each path through Zeek's rotation (rename, gzip into a dated folder, new conn.log with a new"
                    + " header), logrotate's rename or copytruncate, deletion and re-creation, and paths that do not"
                    + " exist yet; globs pick up new files. A registry file keeps, per file (device, inode and a"
                    + " fingerprint of its first KiB), the offset up to which the outputs acknowledged every record:"
                    + " a restart, even after kill -9, resumes there, and Elasticsearch's deterministic ids keep"
                    + " every record once. New files are read from their start (--start-at-end for a first start on"
                    + " a busy sensor). SIGTERM or Ctrl-C stops reading, waits briefly for acknowledgements, saves"
                    + " the registry and exits 0.",
            "",
            "Alerts: flagged flows are grouped by host, kind of behaviour and five-minute window into one alert"
                    + " document each (--alerts per-flow for one per flow); a group is written once the logs are a"
                    + " minute past its window, or by the clock when every file is caught up. Flows an entry of"
                    + " --allowlist FILE covers are written, marked allowlisted, and never alert; the file is read"
                    + " again when it changes, and an edit with a mistake is reported with its line and not taken.",
            "",
            "Settings come from --config FILE (YAML; see config/flowscore.yml), then environment variables"
                    + " (FLOWSCORE_<SETTING>, FLOWSCORE_ES_<SETTING> for elasticsearch.*, e.g."
                    + " FLOWSCORE_ES_PASSWORD), then flags. A status line goes to stderr every --status-interval;"
                    + " --metrics-port serves Prometheus metrics on 127.0.0.1. 'flowscore status --registry FILE'"
                    + " shows the files' offsets.",
        },
        footer = {
            "",
            "Examples:",
            "  flowscore tail --config /etc/flowscore/flowscore.yml",
            "  flowscore tail --es http://localhost:9200 --sensor dmz \\",
            "      /opt/zeek/logs/current/conn.log",
            "  flowscore tail -o live.ndjson --format suricata-eve \\",
            "      '/var/log/suricata/eve*.json'",
        })
final class TailCommand implements Callable<Integer> {
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML settings file (flags override it).")
    Path config;

    @Parameters(paramLabel = "PATH", arity = "0..*",
            description = "Files or quoted globs to follow (added to the config file's inputs).")
    List<String> paths = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", converter = InputOptions.FormatConverter.class,
            description = "Format of the PATHs: auto (default: detected per file), zeek-tsv, zeek-json, suricata-eve.")
    InputOptions.FormatChoice format = InputOptions.FormatChoice.auto;

    @Option(names = "--sensor", paramLabel = "NAME", description = "Sensor name for the PATHs' documents.")
    String sensor;

    @Mixin
    DaemonOutputOptions outputOptions;

    @Option(names = "--registry", paramLabel = "FILE",
            description = "Registry of acknowledged offsets (default: flowscore-tail-registry.json).")
    String registry;

    @Option(names = "--reset-registry",
            description = "Start over: keep the old registry as FILE.old and read every file from its start.")
    boolean resetRegistry;

    @Option(names = "--start-at-end",
            description = "Deliver files already there (and unknown to the registry) from their current end.")
    Boolean startAtEnd;

    @Option(names = "--status-interval", paramLabel = "D", description = "Status line period; 0 for none (default: 30s).")
    String statusInterval;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "Serve Prometheus metrics on 127.0.0.1:PORT.")
    Integer metricsPort;

    @Option(names = "--local-nets", paramLabel = "CIDR[,CIDR...]", split = ",",
            description = "Your own address ranges, for each connection's direction where the log has no"
                    + " local_orig/local_resp (default: RFC 1918, 100.64.0.0/10, 169.254.0.0/16, fc00::/7,"
                    + " fe80::/10).")
    List<String> localNets;

    @Option(names = "--poll-interval", paramLabel = "D", description = "Wait when caught up (default: 100ms).")
    String pollInterval;

    @Option(names = "--threads", paramLabel = "N",
            description = "Workers that score and render each followed log's flows beside the thread that reads it"
                    + " and keeps its feature windows; documents are the same, in the same order, for any number"
                    + " (default: the processor count).")
    Integer threads;

    @Option(names = "--idle-flush", paramLabel = "D",
            description = "Release buffered connections after this long without a line; 0 for never (default: 1s).")
    String idleFlush;

    @Override
    public Integer call() throws Exception {
        TailConfig settings = TailConfig.load(config, System.getenv(), flags());
        TailSettings tail = settings.settings(resetRegistry);
        Model scoring = ModelBundle.readNamed(settings.model());
        double cut = ThresholdOption.checked(settings.threshold() != null ? settings.threshold() : scoring.threshold(),
                "tail settings: 'threshold'");
        var err = spec.commandLine().getErr();
        EsOutputSettings esSettings = settings.elasticsearchSettings();
        if (esSettings == null && settings.output() == null) {
            throw new UserFacingException("tail needs an output: --es URL (or elasticsearch.urls) and/or -o FILE"
                    + " (or output)");
        }
        WatchedAllowlist allowlist = DaemonAlerts.openAllowlist(settings.allowlist(), err);
        AlertSettings alertSettings = settings.alertSettings();
        try (OutputStream file = settings.output() == null ? null : Outputs.append(Path.of(settings.output()));
             EsSink sink = esSettings == null ? null : EsSink.open(esSettings, note -> {
                 err.println("flowscore: " + note);
                 err.flush();
             })) {
            List<FlowOutput> outputs = new ArrayList<>();
            if (sink != null) {
                outputs.add(sink);
            }
            if (file != null) {
                outputs.add(FileOutput.ndjson(file));
            }
            AlertingOutput output = DaemonAlerts.around(new Tee(outputs), alertSettings, allowlist);
            TailRunner runner = new TailRunner(tail, scoring, cut, output,
                    () -> sink == null ? null : sink.writer().stats(), allowlist, err);
            StopSignals.onStop(runner::requestStop);
            runner.run(SHUTDOWN_GRACE);
            err.println("flowscore: " + output.counts().line());
        } catch (EsConnectionException | RegistryException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    /** The flags that were given, as a settings tree. */
    private ObjectNode flags() {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        if (!paths.isEmpty()) {
            ArrayNode inputs = tree.putArray("inputs");
            for (String p : paths) {
                ObjectNode input = inputs.addObject().put("path", p);
                if (format.format != null) {
                    input.put("format", format.format.cliName());
                }
                if (sensor != null) {
                    input.put("sensor", sensor);
                }
            }
        }
        outputOptions.putInto(tree);
        Flags.putIfGiven(tree, "registry", registry);
        if (startAtEnd != null) {
            tree.put("start_at_end", startAtEnd);
        }
        Flags.putIfGiven(tree, "status_interval", statusInterval);
        if (metricsPort != null) {
            tree.put("metrics_port", metricsPort);
        }
        Flags.putIfGiven(tree, "poll_interval", pollInterval);
        Flags.putIfGiven(tree, "idle_flush", idleFlush);
        if (threads != null) {
            tree.put("threads", threads);
        }
        if (localNets != null && !localNets.isEmpty()) {
            ArrayNode cidrs = tree.putArray("local_nets");
            localNets.forEach(cidrs::add);
        }
        return tree;
    }
}
