package org.flowscore.cli;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flowscore.alerts.AlertingOutput;
import org.flowscore.backfill.BackfillPlan;
import org.flowscore.backfill.BackfillRun;
import org.flowscore.backfill.BackfillSummary;
import org.flowscore.backfill.Checkpoints;
import org.flowscore.backfill.ProgressDisplay;
import org.flowscore.backfill.RegistryCheckpoints;
import org.flowscore.backfill.TimeRange;
import org.flowscore.elastic.EsConnectionException;
import org.flowscore.model.Model;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.Tee;
import org.flowscore.sink.es.EsOutputSettings;
import org.flowscore.sink.es.EsSink;
import org.flowscore.source.registry.Registry;
import org.flowscore.source.registry.RegistryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "backfill",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Scores months of archived logs, with the outputs of 'flowscore score'.",
            "",
            "Reads folders and globs of zeekctl archives (YYYY-MM-DD/conn.HH:MM:SS-HH:MM:SS.log.gz), Zeek rotations"
                    + " (conn.2024-04-19-13-00-00.log) and rotated Suricata logs (eve.json.1, eve.json-20240101.gz).",
            "",
            "Order: files are read oldest first, by the time in the archive name when it has one (folder date and"
                    + " clock times, read in --archive-zone), else by when its first connection was logged, so"
                    + " eve.json.2 comes before eve.json.1 before eve.json. Equal times go by path.",
            "",
            "Parallel, with the same result: --threads files are decompressed and parsed at once and flows are"
                    + " scored and rendered on --threads workers, but one feature extractor sees every connection in"
                    + " that order, so every feature, score and output byte equals a one-thread run and 'flowscore"
                    + " score' over the same files in the same order, alert groups included. Reading pauses while"
                    + " Elasticsearch catches up.",
            "",
            "--since/--until take connections by their end time (when Zeek or Suricata logged them): adjacent ranges"
                    + " take every connection exactly once. Files whose archive interval cannot hold such"
                    + " connections are not opened; the file just before the first one read is read for the feature"
                    + " windows only (the 2-second and 100-connection windows reach into the previous hour).",
            "",
            "Progress: a bar on a terminal (share of input done, files, records, rate, ETA), else a line every"
                    + " --progress-interval seconds; then a summary on stderr.",
        },
        footer = {
            "",
            "Examples:",
            "  flowscore backfill /opt/zeek/logs/ -o history.ndjson",
            "  flowscore backfill --since 2024-04-01 --until 2024-05-01 --threads 4 \\",
            "      --es http://localhost:9200 '/opt/zeek/logs/2024-04-*/conn.*.log.gz'",
            "  flowscore backfill --output-format csv -o eve.csv \\",
            "      '/var/log/suricata/eve.json*'",
        })
final class BackfillCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Mixin
    ModelOption modelOption;

    @Mixin
    ThresholdOption threshold;

    @Mixin
    FlowFileOptions fileOutput;

    @Mixin
    EsOutputOptions es;

    @Mixin
    AlertOptions alerts;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Take connections that ended at or after TIME: 2024-04-19, 2024-04-19T05:30,"
                    + " 2024-04-19T05:30:00Z or with an offset (+02:00); without one, in --archive-zone.")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Take connections that ended before TIME.")
    String until;

    @Option(names = "--archive-zone", paramLabel = "ZONE",
            description = "Time zone of the clock times in archive names and of --since/--until without an offset;"
                    + " zeekctl names archives in the sensor's local time (default: ${DEFAULT-VALUE}).")
    String archiveZone = "UTC";

    @Mixin
    ThreadsOption threads;

    @Option(names = "--registry", paramLabel = "FILE",
            description = "With --es: where the run records, per file, up to where Elasticsearch acknowledged every"
                    + " connection; a rerun skips finished files and resumes a half-read one (default:"
                    + " ${DEFAULT-VALUE}, beside tail's flowscore-registry.json: one run at a time may hold a"
                    + " registry).")
    Path registryFile = Path.of("flowscore-backfill-registry.json");

    @Option(names = "--reset-registry",
            description = "Start over: forget what earlier runs delivered (the old registry is kept as FILE.old).")
    boolean resetRegistry;

    @Option(names = "--progress-interval", paramLabel = "SECONDS",
            description = "Seconds between progress lines when stderr is not a terminal (default: ${DEFAULT-VALUE}).")
    int progressInterval = 10;

    @Override
    public Integer call() throws Exception {
        ZoneId zone = zone();
        TimeRange range = range(zone);
        var readOptions = input.readOptions();
        Model model = modelOption.load();
        double cut = threshold.resolve(model);
        if (progressInterval < 1) {
            throw new UserFacingException("--progress-interval must be at least 1");
        }
        if (!es.enabled() && (spec.commandLine().getParseResult().hasMatchedOption("--registry") || resetRegistry)) {
            throw new UserFacingException("--registry and --reset-registry record what Elasticsearch stored: they"
                    + " need --es (a file output is written whole by every run)");
        }
        String file = fileOutput.file(es.enabled());
        EsOutputSettings esSettings = es.enabled() ? es.settings(spec.commandLine(), System.getenv()) : null;
        var err = spec.commandLine().getErr();
        try (Checkpoints checkpoints = es.enabled() ? openRegistry() : Checkpoints.NONE;
             OutputStream out = file == null ? OutputStream.nullOutputStream()
                     : Outputs.openBytes(file, spec.commandLine());
             EsSink sink = esSettings == null ? null : EsSink.open(esSettings, Outputs.notes(err))) {
            BackfillPlan plan = BackfillPlan.of(input.resolve(), range, zone, readOptions,
                    model.info().featureSettings(), checkpoints);
            List<FlowOutput> outputs = new ArrayList<>();
            if (sink != null) {
                outputs.add(sink);
            }
            if (file != null) {
                outputs.add(fileOutput.format.output(out, model));
            }
            AlertingOutput output = alerts.wrap(new Tee(outputs));
            long started = System.nanoTime();
            BackfillSummary summary = new BackfillRun(plan,
                    new BackfillRun.Settings(readOptions, range, threads.count(), model, cut), checkpoints, output,
                    counts -> onTerminal(file) ? ProgressDisplay.bar(System.err, counts)
                            : ProgressDisplay.lines(err, counts, Duration.ofSeconds(progressInterval))).run();
            output.finish();
            summary.finishedNow(started).print(err);
            err.println(output.counts().line());
            if (sink != null) {
                sink.summary().print(err);
            }
            err.flush();
        } catch (EsConnectionException | RegistryException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    private Checkpoints openRegistry() throws RegistryException {
        return new RegistryCheckpoints(Registry.open(registryFile, resetRegistry));
    }

    private ZoneId zone() {
        try {
            return ZoneId.of(archiveZone);
        } catch (java.time.DateTimeException e) {
            throw new UserFacingException("--archive-zone " + archiveZone + ": not a time zone (use e.g. UTC,"
                    + " Europe/Berlin or +02:00)");
        }
    }

    private TimeRange range(ZoneId zone) {
        Instant from = instant("--since", since, zone);
        Instant to = instant("--until", until, zone);
        try {
            return new TimeRange(from, to);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage());
        }
    }

    private static Instant instant(String option, String text, ZoneId zone) {
        try {
            return text == null ? null : TimeRange.parseInstant(text, zone);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(option + " " + e.getMessage());
        }
    }

    /** A redrawn bar only where a person watches: stderr on a terminal, and no documents on the same screen. */
    private boolean onTerminal(String file) {
        java.io.Console console = System.console();
        return console != null && console.isTerminal() && file != null && !file.equals("-");
    }
}
