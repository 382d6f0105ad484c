package org.flowscore.source.registry;

import java.util.concurrent.atomic.AtomicBoolean;
import org.flowscore.flow.Acknowledgement;

/**
 * One record's place in its file, and the acknowledgement that rides with it through the pipeline: called once,
 * when the output stored the record (an output of several documents, or several outputs, count their own
 * acknowledgements down to this one).
 */
public final class PendingRecord implements Acknowledgement {
    private final AckTracker tracker;
    private final AtomicBoolean stored = new AtomicBoolean();
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

    @Override
    public void acknowledged() {
        if (!stored.compareAndSet(false, true)) {
            throw new IllegalStateException("record ending at " + endOffset + " of " + tracker.name()
                    + " acknowledged twice");
        }
        tracker.completed();
    }

    boolean isComplete() {
        return stored.get();
    }

    void extendTo(long offset) {
        endOffset = offset;
    }
}
