package org.flowscore.model.score;

import java.util.Arrays;
import org.flowscore.features.FeatureSet;

/** Numeric encodings of the features for the models that need plain numbers (logistic, isolation forest). */
public final class Encoding {
    private Encoding() {
    }

    /**
     * A numeric feature as the linear and isolation models see it: counts, bytes and durations through
     * {@code log1p} (their long tails would otherwise dominate), rates, shares and flags as they are.
     */
    public static double numeric(FeatureSet set, int feature, double value) {
        return set.isHeavyTailed(feature) ? Math.log1p(Math.max(0, value)) : value;
    }

    /** Elements of {@code sorted} strictly below {@code v}. */
    static int below(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Elements of {@code sorted} strictly above {@code v}. */
    static int above(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return sorted.length - lo;
    }

    /**
     * How unusual {@code v} is among the sorted sample: 1 − twice the smaller tail probability
     * ({@code P(X <= v)}, {@code P(X >= v)}), so 0 at the median or on a value most rows share, 1 beyond
     * everything seen.
     */
    public static double rarity(double[] sorted, double v) {
        if (sorted.length == 0) {
            return 0;
        }
        double m = sorted.length;
        double atMost = (m - above(sorted, v)) / m;
        double atLeast = (m - below(sorted, v)) / m;
        return Math.max(0.0, 1.0 - 2.0 * Math.min(atMost, atLeast));
    }

    /** At most {@code size} evenly spaced order statistics of {@code values} (sorted), for {@link #rarity}. */
    public static double[] quantileSample(double[] values, int size) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length <= size) {
            return sorted;
        }
        double[] sample = new double[size];
        for (int i = 0; i < size; i++) {
            sample[i] = sorted[(int) Math.round(i * (sorted.length - 1) / (double) (size - 1))];
        }
        return sample;
    }
}
