package org.flowscore.pipeline;

import java.util.List;
import java.util.function.Consumer;
import org.flowscore.features.FeatureExtractor;
import org.flowscore.flow.Connection;
import org.flowscore.model.FlowScorer;
import org.flowscore.model.Model;
import org.flowscore.model.ScoredFlow;
import org.flowscore.read.BadLineException;
import org.flowscore.read.ConnectionReader;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.source.InputException;
import org.flowscore.source.InputFile;

/**
 * The single-thread connections → features → score chain of {@code score} and {@code capture}: every
 * connection, in the order given, through the model's own window settings, handed to {@code downstream}
 * once scored.
 */
public final class ScoringPipeline implements Consumer<Connection> {
    private final FlowScorer scorer;
    private final FeatureExtractor extractor;

    public ScoringPipeline(Model model, double threshold, Consumer<ScoredFlow> downstream) {
        this.scorer = new FlowScorer(model, threshold, downstream);
        this.extractor = model.featureExtractor(scorer);
    }

    /** Reads and scores all inputs, flushing the windows at the end; the scorer, for its counts. */
    public static FlowScorer run(List<InputFile> inputs, ReadOptions options, ReadStats stats, Model model,
                                 double threshold, Consumer<ScoredFlow> downstream)
            throws InputException, BadLineException {
        ScoringPipeline pipeline = new ScoringPipeline(model, threshold, downstream);
        new ConnectionReader(options, stats).readAll(inputs, pipeline);
        return pipeline.finish();
    }

    @Override
    public void accept(Connection connection) {
        extractor.accept(connection);
    }

    /** Scores what the windows still hold; the scorer, for its counts. */
    public FlowScorer finish() {
        extractor.flush();
        return scorer;
    }
}
