package org.flowscore.cli;

import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.flowscore.features.FeatureExtractor;
import org.flowscore.features.ServiceTable;
import org.flowscore.model.FlowScorer;
import org.flowscore.model.Model;
import org.flowscore.model.ModelBundle;
import org.flowscore.model.ModelException;
import org.flowscore.model.ScoredFlow;
import org.flowscore.pipeline.ConnectionReader;
import org.flowscore.pipeline.ReadStats;
import org.flowscore.sink.EcsDocuments;
import org.flowscore.sink.NdjsonWriter;
import org.flowscore.sink.ScoredCsvWriter;
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
            "NDJSON (default) gives ECS documents as they would be indexed: @timestamp, event.*, source.*,",
            "destination.*, network.* (with community_id), zeek.session_id or suricata.eve.flow_id, and",
            "flowscore.score (0-1), flowscore.label (normal/attack), flowscore.threshold, flowscore.model.*,",
            "flowscore.features.* (the 41 values) and, for flagged flows, flowscore.explanation (the three",
            "features that raised the score most). CSV gives the identity columns, score, label and features.",
            "",
            "Without --model the shipped default model is used: a random forest trained on NSL-KDD. It",
            "shows the pipeline working; for production, train on your own traffic (flowscore train).",
            "A summary on stderr counts what was read, scored and flagged, and lists the top-scoring flows.",
        },
        footer = {
            "",
            "Examples:",
            "  flowscore score sample-logs/ -o scored.ndjson",
            "  flowscore score --output-format csv -o scored.csv /opt/zeek/logs/current/conn.log",
            "  flowscore score --model site.zip --threshold 0.9 '/opt/zeek/logs/2024-04-*/conn.*.log.gz'",
        })
final class ScoreCommand implements Callable<Integer> {
    enum OutputFormat { ndjson, csv }

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "Model bundle made by 'flowscore train' (default: the shipped NSL-KDD random forest).")
    Path modelPath;

    @Option(names = "--threshold", paramLabel = "X",
            description = "Flag flows scoring at or above X (0-1) instead of the model's own threshold.")
    Double threshold;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write; - for standard output (default).")
    String output = "-";

    @Option(names = "--output-format", paramLabel = "FORMAT",
            description = "ndjson (default) or csv.")
    OutputFormat outputFormat = OutputFormat.ndjson;

    @Option(names = "--top", paramLabel = "N",
            description = "How many of the highest-scoring flows the summary lists (default: ${DEFAULT-VALUE}).")
    int top = 5;

    @Override
    public Integer call() throws Exception {
        var inputs = input.resolve();
        var readOptions = input.readOptions();
        Model model = loadModel();
        double cut = threshold != null ? threshold : model.threshold();
        if (!(cut >= 0 && cut <= 1)) {
            throw new UserFacingException("--threshold must be between 0 and 1, got " + threshold);
        }
        ReadStats stats = new ReadStats();
        TopFlows topFlows = new TopFlows(top);
        try (Writer out = Outputs.open(output, spec.commandLine())) {
            Consumer<ScoredFlow> writer = outputFormat == OutputFormat.csv
                    ? new ScoredCsvWriter(out)
                    : new NdjsonWriter(out, new EcsDocuments(model.info(), cut));
            FlowScorer scorer = new FlowScorer(model, cut, writer.andThen(topFlows));
            FeatureExtractor extractor = new FeatureExtractor(model.info().featureSettings(), ServiceTable.bundled(),
                    scorer);
            new ConnectionReader(readOptions, stats).readAll(inputs, extractor);
            extractor.flush();
            out.flush();
            var err = spec.commandLine().getErr();
            err.println(stats.summary());
            err.printf("scored %,d flows with %s %s (threshold %s): %,d flagged as attack (%.1f%%)%n",
                    scorer.scored(), model.info().name(), model.info().version(), cut, scorer.attacks(),
                    scorer.scored() == 0 ? 0.0 : 100.0 * scorer.attacks() / scorer.scored());
            topFlows.print(err);
            err.flush();
        }
        return ExitCodes.OK;
    }

    private Model loadModel() {
        try {
            return modelPath == null ? ModelBundle.readDefault() : ModelBundle.read(modelPath);
        } catch (ModelException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }
}
