package org.flowscore.eval;

import java.util.List;

/**
 * Scores of normal and attack rows counted in the same equal-width bins over [0, 1].
 *
 * @param bins lowest first
 */
public record ScoreHistogram(List<Bin> bins) {

    /**
     * @param low    lower edge, inclusive
     * @param high   upper edge, exclusive except for the last bin, which holds scores of exactly 1
     * @param normal normal rows in the bin
     * @param attack attack rows in the bin
     */
    public record Bin(double low, double high, long normal, long attack) {
    }

    public ScoreHistogram {
        bins = List.copyOf(bins);
    }

    /** Scores outside [0, 1], which a scorer should not give, are counted in the end bins. */
    public static ScoreHistogram of(double[] scores, boolean[] truth, int binCount) {
        if (binCount < 1) {
            throw new IllegalArgumentException("need at least one bin, got " + binCount);
        }
        long[] normal = new long[binCount];
        long[] attack = new long[binCount];
        for (int i = 0; i < scores.length; i++) {
            int bin = (int) Math.floor(scores[i] * binCount);
            bin = Math.clamp(bin, 0, binCount - 1);
            (truth[i] ? attack : normal)[bin]++;
        }
        Bin[] bins = new Bin[binCount];
        for (int b = 0; b < binCount; b++) {
            bins[b] = new Bin((double) b / binCount, (double) (b + 1) / binCount, normal[b], attack[b]);
        }
        return new ScoreHistogram(List.of(bins));
    }

    public long normals() {
        return bins.stream().mapToLong(Bin::normal).sum();
    }

    public long attacks() {
        return bins.stream().mapToLong(Bin::attack).sum();
    }
}
