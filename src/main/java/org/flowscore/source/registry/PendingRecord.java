package org.flowscore.source.registry;

import java.util.concurrent.atomic.AtomicInteger;
import org.flowscore.flow.Acknowledgement;

/**
 * One record's place in its file and how many acknowledgements it still waits for. It starts held by the
 * reader: the pipeline first says how many outputs will acknowledge it ({@link #expect}), hands it to each,
 * then {@link #release}s its hold, so an output that answers before the others were even given the record
 * cannot complete it early.
 */
public final class PendingRecord implements Acknowledgement {
    private final AckTracker tracker;
    private final AtomicInteger outstanding = new AtomicInteger(1);
    private volatile long endOffset;

    PendingRecord(AckTracker tracker, long endOffset) {
        this.tracker = tracker;
        this.endOffset = endOffset;
    }

    /** The byte offset just after the record's line (and after any record-less lines that followed it). */
    public long endOffset() {
        return endOffset;
    }

    public FileIdentity file() {
        return tracker.file();
    }

    /** {@code outputs} more acknowledgements are due before the record is stored everywhere. */
    public void expect(int outputs) {
        outstanding.addAndGet(outputs);
    }

    /** The reader's hold ends: the record was handed to every output (or to none, when it was dropped). */
    public void release() {
        acknowledged();
    }

    @Override
    public void acknowledged() {
        int left = outstanding.decrementAndGet();
        if (left == 0) {
            tracker.completed();
        } else if (left < 0) {
            throw new IllegalStateException("record ending at " + endOffset + " of " + tracker.file()
                    + " acknowledged more often than expected");
        }
    }

    boolean isComplete() {
        return outstanding.get() == 0;
    }

    void extendTo(long offset) {
        endOffset = offset;
    }
}
