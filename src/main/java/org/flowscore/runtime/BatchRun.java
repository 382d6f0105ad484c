package org.flowscore.runtime;

import java.io.IOException;
import java.util.List;
import org.flowscore.features.FeatureExtractor;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.model.Model;
import org.flowscore.read.BadLineException;
import org.flowscore.read.ParallelReader;
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

    /**
     * Reads, scores and writes every input, then waits until the output stored everything. With one thread all
     * of it happens on the caller's; with more, inputs are decompressed and parsed on {@code threads} readers
     * (one per file at a time) and flows scored and rendered on {@code threads} workers, while the caller runs
     * the feature windows and the output: the same flows, in the same order, as one thread gives.
     */
    public static Result run(List<InputFile> inputs, ReadOptions options, Model model, double threshold,
                             FlowOutput output, int threads)
            throws InputException, BadLineException, IOException, InterruptedException {
        ReadStats stats = new ReadStats();
        try (ScoringStream stream = new ScoringStream(model, threshold, output, threads)) {
            ParallelReader.readAll(inputs, options, threads, stats, c -> stream.accept(c, Acknowledgement.NONE));
            stream.finish();
            output.finish();
            return new Result(stream.scored(), stream.flagged(), stats, stream.windowStats());
        }
    }
}
