package org.flowscore.runtime;

import org.flowscore.features.FeatureExtractor;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.flow.Connection;
import org.flowscore.model.Model;
import org.flowscore.sink.FlowOutput;

/**
 * One stream of connections (one sensor's, in the order it logged them) through the pipeline: its own feature
 * windows, then the model, the renderings and the output. Every source feeds one of these: the files of
 * {@code score} and {@code backfill}, each followed path of {@code tail}, the packets of {@code capture}.
 *
 * <pre>
 *  source ──(connection, acknowledgement)──▶ features ──▶ {@link ScoringStage}: model, renderings ──▶ output
 *     ▲                                                                                              │
 *     └───────────────────── acknowledgement called once the output stored the flow ◀──────────────┘
 * </pre>
 *
 * The acknowledgement rides in the record through the windows and the model untouched; nothing maps a
 * connection back to its source. Not thread-safe: one source thread feeds it; scoring may run on workers.
 */
public final class ScoringStream implements AutoCloseable {
    private final FeatureExtractor extractor;
    private final ScoringStage stage;
    private final FlowOutput output;

    /**
     * @param threads scoring and rendering workers; 1 scores on the feeding thread
     */
    public ScoringStream(Model model, double threshold, FlowOutput output, int threads) {
        this.output = output;
        this.stage = new ScoringStage(model, threshold, output, threads);
        this.extractor = model.featureExtractor(stage);
    }

    /** A connection to score and write; {@code ack} is called once the output stored it. */
    public void accept(Connection connection, Acknowledgement ack) {
        extractor.accept(connection, ack);
    }

    /** A connection that only feeds the windows (read again for them), never written. */
    public void warmUp(Connection connection) {
        extractor.warmUp(connection);
    }

    /**
     * Releases what the reorder buffer holds, in end order: at the end of the input, or when a live source
     * has been quiet for a while.
     */
    public void flush() {
        extractor.flush();
    }

    /**
     * Hands every flow the scoring workers hold to the output, waiting for them: a live source calls it after
     * each read, so that a flow never waits for a batch to fill. Without workers there is nothing to hand on.
     */
    public void handOn() {
        stage.finish();
    }

    /**
     * End of input: releases the windows, waits until every flow was handed to the output, and tells the output
     * that nothing more comes (so it writes what it held back for later flows: open alert groups). A daemon that
     * stops does not call this: what was held back is read again on its next start.
     */
    public void finish() {
        extractor.flush();
        stage.finish();
        output.endOfInput();
    }

    /** Connections in the reorder buffer, not scored yet. */
    public int buffered() {
        return extractor.stats().buffered();
    }

    public FeatureExtractor.Stats windowStats() {
        return extractor.stats();
    }

    /** Flows scored and handed to the output. */
    public long scored() {
        return stage.scored();
    }

    /** Of them, at or above the threshold. */
    public long flagged() {
        return stage.flagged();
    }

    @Override
    public void close() {
        stage.close();
    }
}
