package org.flowscore.pipeline;

import java.util.List;
import java.util.function.Consumer;
import org.flowscore.features.FeatureExtractor;
import org.flowscore.features.ServiceTable;
import org.flowscore.model.FlowScorer;
import org.flowscore.model.Model;
import org.flowscore.model.ScoredFlow;
import org.flowscore.source.InputException;
import org.flowscore.source.InputFile;

/**
 * The single-thread read → features → score chain of {@code score}: every connection of the inputs, in
 * order, through the model's own window settings, handed to {@code downstream} once scored.
 */
public final class ScoringPipeline {
    private ScoringPipeline() {
    }

    /** Reads and scores all inputs, flushing the windows at the end; the scorer, for its counts. */
    public static FlowScorer run(List<InputFile> inputs, ReadOptions options, ReadStats stats, Model model,
                                 double threshold, Consumer<ScoredFlow> downstream)
            throws InputException, BadLineException {
        FlowScorer scorer = new FlowScorer(model, threshold, downstream);
        FeatureExtractor extractor = new FeatureExtractor(model.info().featureSettings(), ServiceTable.bundled(),
                scorer);
        new ConnectionReader(options, stats).readAll(inputs, extractor);
        extractor.flush();
        return scorer;
    }
}
