package org.flowscore.features;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Puts connections into end order. Zeek and Suricata write a connection when it is removed from their
 * tables, which is roughly but not exactly end order. A connection waits here until the latest end seen is
 * {@code maxLateness} past its own end, or until the buffer is over capacity (then the earliest goes, and
 * is counted). One that arrives ending before the last released end is too late to be put in order: it is
 * released at once, counted as late, and its window time is moved up to that last end, so the windows stay
 * in order. Nothing is dropped, and the release order depends only on the input order: ties in end time go
 * by arrival.
 *
 * <p>A 4-ary min-heap over parallel primitive arrays: sifting reads ends and arrival numbers from
 * contiguous arrays instead of following a pointer to each entry, and a node's four children share a cache
 * line. When input outruns the lateness the buffer stays full and every connection pays one release from
 * it, the largest single cost of the extractor, so the layout matters.
 */
final class ReorderBuffer {
    private final long maxLateness;
    private final int capacity;
    private final Consumer<WindowEntry> release;
    private long[] ends = new long[64];
    private long[] sequences = new long[64];
    private WindowEntry[] entries = new WindowEntry[64];
    private int size;
    private long maxEndSeen = Long.MIN_VALUE;
    private long lastReleasedEnd = Long.MIN_VALUE;
    private long late;
    private long forcedOut;

    ReorderBuffer(long maxLatenessMicros, int capacity, Consumer<WindowEntry> release) {
        this.maxLateness = maxLatenessMicros;
        this.capacity = capacity;
        this.release = release;
    }

    void offer(WindowEntry e) {
        if (e.end < lastReleasedEnd) {
            late++;
            e.end = lastReleasedEnd;
            release.accept(e);
            return;
        }
        push(e);
        if (e.end > maxEndSeen) {
            maxEndSeen = e.end;
        }
        long watermark = maxEndSeen - maxLateness;
        while (size > 0 && ends[0] <= watermark) {
            releaseEarliest();
        }
        while (size > capacity) {
            forcedOut++;
            releaseEarliest();
        }
    }

    /** Releases everything still waiting, in end order. */
    void drain() {
        while (size > 0) {
            releaseEarliest();
        }
    }

    long late() {
        return late;
    }

    long forcedOut() {
        return forcedOut;
    }

    int waiting() {
        return size;
    }

    private void releaseEarliest() {
        WindowEntry e = entries[0];
        size--;
        if (size > 0) {
            siftDown(ends[size], sequences[size], entries[size]);
        }
        entries[size] = null;
        lastReleasedEnd = e.end;
        release.accept(e);
    }

    private void push(WindowEntry e) {
        if (size == ends.length) {
            int grown = size * 2;
            ends = Arrays.copyOf(ends, grown);
            sequences = Arrays.copyOf(sequences, grown);
            entries = Arrays.copyOf(entries, grown);
        }
        long end = e.end;
        long sequence = e.sequence;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (!before(end, sequence, parent)) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        put(i, end, sequence, e);
    }

    /** Places the given element, taken from the end, into the hole left at the root. */
    private void siftDown(long end, long sequence, WindowEntry e) {
        int i = 0;
        while (true) {
            int first = 4 * i + 1;
            if (first >= size) {
                break;
            }
            int child = first;
            int last = Math.min(first + 4, size);
            for (int c = first + 1; c < last; c++) {
                if (before(c, child)) {
                    child = c;
                }
            }
            if (!before(child, end, sequence)) {
                break;
            }
            move(child, i);
            i = child;
        }
        put(i, end, sequence, e);
    }

    // Orderings by (end, arrival); arrival numbers are read only on a tie in end time.

    private boolean before(long end, long sequence, int slot) {
        long other = ends[slot];
        return end < other || (end == other && sequence < sequences[slot]);
    }

    private boolean before(int slot, long end, long sequence) {
        long own = ends[slot];
        return own < end || (own == end && sequences[slot] < sequence);
    }

    private boolean before(int slot, int other) {
        long own = ends[slot];
        long theirs = ends[other];
        return own < theirs || (own == theirs && sequences[slot] < sequences[other]);
    }

    private void move(int from, int to) {
        put(to, ends[from], sequences[from], entries[from]);
    }

    private void put(int i, long end, long sequence, WindowEntry e) {
        ends[i] = end;
        sequences[i] = sequence;
        entries[i] = e;
    }
}
