package org.flowscore.source.kafka;

import org.flowscore.flow.Acknowledgement;
import org.flowscore.source.registry.AckTracker;

/**
 * One assigned partition's offsets, shaped as a file's checkpoint is: records before the committed offset were
 * delivered by an earlier owner and are read again only for the feature windows; each record after it is
 * registered as it is read and acknowledged by the outputs in any order, and the committable offset moves only
 * over the unbroken run of acknowledged records ({@link AckTracker}, with offsets counting records). Records
 * that make no connection, and the offsets of transaction markers, complete as soon as they are read.
 *
 * <p>Registering happens on the consumer's thread; acknowledgements arrive on any.
 */
public final class PartitionOffsets {
    private final AckTracker tracker;
    private final long deliverFrom;
    private long committed;
    private long newestTimestamp = -1;

    /**
     * @param name        the partition, for messages ({@code topic-3})
     * @param deliverFrom the committed offset: where delivery starts
     */
    public PartitionOffsets(String name, long deliverFrom) {
        this.tracker = AckTracker.of(name, deliverFrom, offset -> { });
        this.deliverFrom = deliverFrom;
        this.committed = deliverFrom;
    }

    /** Whether the record at {@code offset} was delivered before and only feeds the windows. */
    public boolean isWarmUp(long offset) {
        return offset < deliverFrom;
    }

    /** A record that became a connection: its acknowledgement, to ride with it to the outputs. */
    public Acknowledgement record(long offset, long timestamp) {
        newestTimestamp = Math.max(newestTimestamp, timestamp);
        return tracker.record(offset + 1);
    }

    /** A record that made no connection (another event type, a bad record, counted). */
    public void skip(long offset, long timestamp) {
        newestTimestamp = Math.max(newestTimestamp, timestamp);
        tracker.skip(offset + 1);
    }

    /**
     * The consumer's position after a poll: offsets below it that held no record for us (transaction markers)
     * complete with the last record read.
     */
    public void readUpTo(long position) {
        if (position > deliverFrom) {
            tracker.skip(position);
        }
    }

    /** The offset up to which every record was acknowledged: what may be committed. */
    public long committable() {
        return tracker.acknowledgedOffset();
    }

    /** Whether the committable offset moved since the last commit. */
    public boolean moved() {
        return committable() > committed;
    }

    /** The offset a commit stored. */
    public void committed(long offset) {
        committed = Math.max(committed, offset);
    }

    /** The offset last committed (or found committed at assignment). */
    public long lastCommitted() {
        return committed;
    }

    /** The newest record timestamp read, or -1: kept with a commit, so a next owner knows how far to rewind. */
    public long newestTimestamp() {
        return newestTimestamp;
    }

    /** Records read and not yet acknowledged by every output. */
    public int unacknowledged() {
        return tracker.unacknowledged();
    }

    public String name() {
        return tracker.name();
    }
}
