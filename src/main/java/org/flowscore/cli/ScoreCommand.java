package org.flowscore.cli;

import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flowscore.alerts.AlertingOutput;
import org.flowscore.elastic.EsConnectionException;
import org.flowscore.model.Model;
import org.flowscore.runtime.BatchRun;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.Tee;
import org.flowscore.sink.es.EsOutputSettings;
import org.flowscore.sink.es.EsSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "score",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Scores every connection with a model and writes one document per connection.",
            "",
            "NDJSON (default) gives ECS documents as they would be indexed: @timestamp, event.*, source.*,"
                    + " destination.*, network.* (with community_id), zeek.session_id or suricata.eve.flow_id, and"
                    + " flowscore.score (0-1), flowscore.label (normal/attack), flowscore.threshold,"
                    + " flowscore.model.*, flowscore.features.* (the model's feature values) and, for flagged flows,"
                    + " flowscore.explanation (the three features that raised the score most) and flowscore.alert"
                    + " (its kind of behaviour, severity and alert group). CSV gives the identity columns, score,"
                    + " label and features.",
            "",
            "With --es, alerts go to their own stream: by default one document per alert group (one host, one kind"
                    + " of behaviour, one five-minute window) with its counts and the ids of its top flows, which"
                    + " Elastic Security's detection rules (setup --kibana) turn into alerts; --alerts per-flow writes"
                    + " one per flagged flow instead. Flows an entry of --allowlist FILE covers are written, marked"
                    + " allowlisted, and never alert.",
            "",
            "Without --model the shipped default model is used: a random forest trained on real captures of"
                    + " modern networks with simulated attacks injected, held to about 1 %% of benign flows flagged"
                    + " across captures (models/README.md). Fit its threshold to your network with flowscore"
                    + " calibrate, or train on your own labelled traffic (flowscore train). A run longer than ten seconds"
                    + " says every ten seconds how many flows it scored and how fast; at the end a summary on"
                    + " stderr counts what was read, scored and flagged, and lists the top-scoring flows.",
        },
        footer = {
            "",
            "Examples:",
            "  flowscore score sample-logs/ -o scored.ndjson",
            "  flowscore score --output-format csv -o scored.csv \\",
            "      /opt/zeek/logs/current/conn.log",
            "  flowscore score --model site.zip --threshold 0.9 \\",
            "      '/opt/zeek/logs/2024-04-*/conn.*.log.gz'",
            "  FLOWSCORE_ES_API_KEY=... flowscore score \\",
            "      --es https://es1:9200 --es https://es2:9200 \\",
            "      --es-ca /etc/flowscore/http_ca.crt /opt/zeek/logs/current/conn.log",
        })
final class ScoreCommand implements Callable<Integer> {
    /** How often a long run says how far it is. */
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

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
    ThreadsOption threads;

    @Mixin
    EsOutputOptions es;

    @Mixin
    AlertOptions alerts;

    @Option(names = "--top", paramLabel = "N",
            description = "How many of the highest-scoring flows the summary lists (default: ${DEFAULT-VALUE}).")
    int top = 5;

    @Override
    public Integer call() throws Exception {
        var inputs = input.resolve();
        var readOptions = input.readOptions();
        Model model = modelOption.load();
        double cut = threshold.resolve(model);
        TopFlows topFlows = new TopFlows(top);
        // With --es the documents' destination is Elasticsearch; a file (or stdout) only when asked for.
        String file = fileOutput.file(es.enabled());
        EsOutputSettings esSettings = es.enabled() ? es.settings(spec.commandLine(), System.getenv()) : null;
        var err = spec.commandLine().getErr();
        try (OutputStream out = file == null ? OutputStream.nullOutputStream()
                : Outputs.openBytes(file, spec.commandLine());
             EsSink sink = esSettings == null ? null : EsSink.open(esSettings, Outputs.notes(err));
             ScoreProgress progress = new ScoreProgress(err, PROGRESS_EVERY)) {
            List<FlowOutput> outputs = new ArrayList<>();
            if (sink != null) {
                outputs.add(sink);
            }
            if (file != null) {
                outputs.add(fileOutput.format.output(out, model));
            }
            outputs.add(topFlows);
            outputs.add(progress);
            AlertingOutput output = alerts.wrap(new Tee(outputs));
            BatchRun.Result run = BatchRun.run(inputs, readOptions, model, cut, output, threads.count());
            err.println(run.read().summary());
            err.printf("%s with %s %s (threshold %s): %,d flagged as attack (%.1f%%)%n",
                    progress.line(), model.info().name(), model.info().version(), cut, run.flagged(),
                    run.scored() == 0 ? 0.0 : 100.0 * run.flagged() / run.scored());
            err.println(output.counts().line());
            if (sink != null) {
                sink.summary().print(err);
            }
            topFlows.print(err);
            err.flush();
        } catch (EsConnectionException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        return ExitCodes.OK;
    }
}
