package org.flowscore.source.registry;

import java.util.ArrayDeque;
import java.util.function.LongConsumer;

/**
 * The acknowledged offset of one file (or of any ordered source of offsets, such as a Kafka partition, whose
 * offsets count records rather than bytes). Records are registered in file order as they are read; outputs
 * acknowledge them in any order (the feature windows reorder connections by end time, Elasticsearch
 * answers bulk requests as they finish). The offset moves only to the end of the longest run of records
 * from the current offset that are all acknowledged, so a restart from it never skips an unstored record.
 *
 * <p>A line that makes no record (a header, a comment, a bad line that was counted, an event of another
 * type) is complete as soon as it is read: it moves the offset at once when nothing is waiting, else it
 * extends the last waiting record, whose acknowledgement then covers it too. So memory grows with the
 * records waiting for an output, not with the lines read.
 *
 * <p>Registering happens on the reading thread; acknowledgements on any thread.
 */
public final class AckTracker {
    private final FileIdentity file;
    private final String name;
    private final LongConsumer onAdvance;
    private final ArrayDeque<PendingRecord> waiting = new ArrayDeque<>();
    private long acknowledged;

    /**
     * @param startOffset where reading starts: the registry's offset, or 0 for a new file
     * @param onAdvance   told each new acknowledged offset (e.g. {@link Registry#advance}); called under this
     *                    tracker's lock, so offsets arrive in increasing order
     */
    public AckTracker(FileIdentity file, long startOffset, LongConsumer onAdvance) {
        this(file, file.shortForm(), startOffset, onAdvance);
    }

    private AckTracker(FileIdentity file, String name, long startOffset, LongConsumer onAdvance) {
        this.file = file;
        this.name = name;
        this.acknowledged = startOffset;
        this.onAdvance = onAdvance;
    }

    /**
     * A tracker of a source that is not a file (a Kafka partition, {@code name} in messages): the same rules,
     * offsets as that source counts them.
     */
    public static AckTracker of(String name, long startOffset, LongConsumer onAdvance) {
        return new AckTracker(null, name, startOffset, onAdvance);
    }

    /** The file, or null for a source that is not one. */
    public FileIdentity file() {
        return file;
    }

    /** What it tracks, for messages. */
    public String name() {
        return name;
    }

    /** A record read from the line ending at {@code endOffset}: its acknowledgement, to call once it is stored. */
    public synchronized PendingRecord record(long endOffset) {
        PendingRecord r = new PendingRecord(this, endOffset);
        waiting.addLast(r);
        return r;
    }

    /** A line that made no record ends at {@code endOffset}. */
    public synchronized void skip(long endOffset) {
        PendingRecord last = waiting.peekLast();
        if (last == null) {
            move(endOffset);
        } else {
            last.extendTo(endOffset);
        }
    }

    /** The file was truncated (copytruncate) and is read again from its start. */
    public synchronized void restartAtZero() {
        if (!waiting.isEmpty()) {
            throw new IllegalStateException("restart of " + name + " while " + waiting.size() + " records wait");
        }
        acknowledged = 0;
        onAdvance.accept(0);
    }

    /** Bytes up to which every record is acknowledged. */
    public synchronized long acknowledgedOffset() {
        return acknowledged;
    }

    /**
     * Records the offset has not passed yet: those not acknowledged by every output, and acknowledged ones behind
     * one that is not.
     */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** Records not yet acknowledged by every output. */
    public synchronized int unacknowledged() {
        int n = 0;
        for (PendingRecord r : waiting) {
            if (!r.isComplete()) {
                n++;
            }
        }
        return n;
    }

    synchronized void completed() {
        long end = -1;
        while (!waiting.isEmpty() && waiting.peekFirst().isComplete()) {
            end = waiting.removeFirst().endOffset();
        }
        if (end >= 0) {
            move(end);
        }
    }

    private void move(long offset) {
        if (offset > acknowledged) {
            acknowledged = offset;
            onAdvance.accept(offset);
        }
    }
}
