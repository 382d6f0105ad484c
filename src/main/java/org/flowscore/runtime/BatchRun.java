package org.flowscore.runtime;

import java.io.IOException;
import java.util.List;
import org.flowscore.features.FeatureExtractor;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.model.Model;
import org.flowscore.read.BadLineException;
import org.flowscore.read.ConnectionReader;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.sink.FlowOutput;
import org.flowscore.source.InputException;
import org.flowscore.source.InputFile;

/**
 * {@code score}: inputs read one after another as one stream, every connection scored and written, nothing
 * checkpointed (a rerun writes everything again; Elasticsearch's deterministic ids keep each flow once).
 */
public final class BatchRun {

    /** What a run did. */
    public record Result(long scored, long flagged, ReadStats read, FeatureExtractor.Stats windows) {
    }

    private BatchRun() {
    }

    /** Reads, scores and writes every input, then waits until the output stored everything. */
    public static Result run(List<InputFile> inputs, ReadOptions options, Model model, double threshold,
                             FlowOutput output, int threads) throws InputException, BadLineException, IOException {
        ReadStats stats = new ReadStats();
        try (ScoringStream stream = new ScoringStream(model, threshold, output, threads)) {
            new ConnectionReader(options, stats).readAll(inputs, c -> stream.accept(c, Acknowledgement.NONE));
            stream.finish();
            output.finish();
            return new Result(stream.scored(), stream.flagged(), stats, stream.windowStats());
        }
    }
}
