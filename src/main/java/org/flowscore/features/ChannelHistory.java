package org.flowscore.features;

import java.util.Arrays;

/**
 * One channel's latest connections (an originator talking to one port of one responder) within the channel
 * window: when each started, how much the originator sent, whether it failed. What a beacon detector reads:
 * how many times the channel was used, and how regular its intervals and sizes are, as RITA scores beacons
 * by the spread of both around their median.
 */
final class ChannelHistory {
    private long[] starts = new long[2];
    private long[] sizes = new long[2];
    private boolean[] failedOf = new boolean[2];
    private long[] endsOf = new long[2];
    private int oldest;
    private int size;
    private int failed;

    /** Forgets the connections that ended at or before {@code cutoff}; returns how many. */
    int expire(long cutoff) {
        int removed = 0;
        while (size > 0 && endsOf[oldest] <= cutoff) {
            removeOldest();
            removed++;
        }
        return removed;
    }

    /** Adds a connection, first forgetting the oldest when {@code limit} are held; returns the change in size. */
    int add(long start, long end, long sentBytes, boolean hasFailed, int limit) {
        int change = 1;
        if (size == limit) {
            removeOldest();
            change = 0;
        }
        if (size == starts.length) {
            grow(Math.min(limit, starts.length * 2));
        }
        int slot = (oldest + size++) % starts.length;
        starts[slot] = start;
        endsOf[slot] = end;
        sizes[slot] = sentBytes;
        failedOf[slot] = hasFailed;
        if (hasFailed) {
            failed++;
        }
        return change;
    }

    int connections() {
        return size;
    }

    double failedShare() {
        return size == 0 ? 0 : (double) failed / size;
    }

    /**
     * The median absolute deviation of the gaps between the starts of the last {@code span} connections,
     * divided by their median gap (at least a millisecond): 0 for a clockwork beacon, around 0.5 and more for
     * a person. {@link ExtendedSchema#UNKNOWN} with fewer than four connections.
     */
    double intervalDispersion(int span, long[] scratch) {
        int n = Math.min(span, size);
        if (n < 4) {
            return ExtendedSchema.UNKNOWN;
        }
        for (int i = 0; i < n; i++) {
            scratch[i] = starts[(oldest + size - n + i) % starts.length];
        }
        Arrays.sort(scratch, 0, n);
        for (int i = 0; i < n - 1; i++) {
            scratch[i] = scratch[i + 1] - scratch[i];
        }
        return dispersion(scratch, n - 1, 1000);
    }

    /** The same dispersion of the originator's bytes over the last {@code span} connections (at least 1 byte). */
    double sizeDispersion(int span, long[] scratch) {
        int n = Math.min(span, size);
        if (n < 4) {
            return ExtendedSchema.UNKNOWN;
        }
        for (int i = 0; i < n; i++) {
            scratch[i] = sizes[(oldest + size - n + i) % sizes.length];
        }
        return dispersion(scratch, n, 1);
    }

    /** MAD / median of the first {@code n} values (reordered), the median floored at {@code floor}; at most 10. */
    static double dispersion(long[] values, int n, long floor) {
        Arrays.sort(values, 0, n);
        double median = median(values, n);
        for (int i = 0; i < n; i++) {
            values[i] = Math.abs(values[i] - Math.round(median));
        }
        Arrays.sort(values, 0, n);
        double mad = median(values, n);
        return Math.min(10.0, mad / Math.max(median, floor));
    }

    private static double median(long[] sorted, int n) {
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private void removeOldest() {
        if (failedOf[oldest]) {
            failed--;
        }
        oldest = (oldest + 1) % starts.length;
        size--;
    }

    private void grow(int capacity) {
        long[] s = new long[capacity];
        long[] e = new long[capacity];
        long[] z = new long[capacity];
        boolean[] f = new boolean[capacity];
        for (int i = 0; i < size; i++) {
            int from = (oldest + i) % starts.length;
            s[i] = starts[from];
            e[i] = endsOf[from];
            z[i] = sizes[from];
            f[i] = failedOf[from];
        }
        starts = s;
        endsOf = e;
        sizes = z;
        failedOf = f;
        oldest = 0;
    }
}
