package org.flowscore.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The threshold-free side of the metrics: ROC and precision-recall curves over every distinct score, their
 * areas computed on all points, and the curves thinned for plotting.
 *
 * <p>Attack and normal scores are sorted separately as primitive arrays and merged from the top, so each
 * distinct score is one operating point holding all of its tied rows: ties count as half a correct ordering
 * in the ROC area (the trapezoid over that step), as in the rank-sum definition.
 *
 * @param rocAuc area under the ROC curve; NaN without attacks or without normal rows
 * @param prAuc  average precision as scikit-learn defines it, Σ (Rₖ − Rₖ₋₁)·Pₖ over distinct thresholds
 *               from the highest down; NaN without attacks
 * @param roc    (false-positive rate, true-positive rate) from (0, 0) to (1, 1); empty when the area is NaN
 * @param pr     (recall, precision), starting at scikit-learn's (0, 1); empty when the area is NaN
 */
record RankCurves(double rocAuc, double prAuc, List<CurvePoint> roc, List<CurvePoint> pr) {

    static RankCurves of(double[] scores, boolean[] truth, int maxPoints) {
        int attacks = 0;
        for (boolean t : truth) {
            attacks += t ? 1 : 0;
        }
        double[] pos = new double[attacks];
        double[] neg = new double[truth.length - attacks];
        for (int i = 0, p = 0, n = 0; i < truth.length; i++) {
            if (truth[i]) {
                pos[p++] = scores[i];
            } else {
                neg[n++] = scores[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);

        // Cumulative counts at each distinct score, highest score first; index 0 is "nothing flagged".
        long[] tps = new long[scores.length + 1];
        long[] fps = new long[scores.length + 1];
        int steps = 0;
        int i = pos.length - 1;
        int j = neg.length - 1;
        while (i >= 0 || j >= 0) {
            double t = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
            long tp = tps[steps];
            long fp = fps[steps];
            while (i >= 0 && pos[i] == t) {
                tp++;
                i--;
            }
            while (j >= 0 && neg[j] == t) {
                fp++;
                j--;
            }
            steps++;
            tps[steps] = tp;
            fps[steps] = fp;
        }
        return new RankCurves(rocAuc(tps, fps, steps, pos.length, neg.length),
                averagePrecision(tps, fps, steps, pos.length),
                rocPoints(tps, fps, steps, pos.length, neg.length, maxPoints),
                prPoints(tps, fps, steps, pos.length, maxPoints));
    }

    private static double rocAuc(long[] tps, long[] fps, int steps, long attacks, long normals) {
        if (attacks == 0 || normals == 0) {
            return Double.NaN;
        }
        // Twice the trapezoid area in count units stays an exact long: at most 2 · attacks · normals.
        long twiceArea = 0;
        for (int k = 1; k <= steps; k++) {
            twiceArea += (fps[k] - fps[k - 1]) * (tps[k] + tps[k - 1]);
        }
        return twiceArea / (2.0 * attacks * normals);
    }

    private static double averagePrecision(long[] tps, long[] fps, int steps, long attacks) {
        if (attacks == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int k = 1; k <= steps; k++) {
            long newlyFound = tps[k] - tps[k - 1];
            if (newlyFound > 0) {
                sum += newlyFound * ((double) tps[k] / (tps[k] + fps[k]));
            }
        }
        return sum / attacks;
    }

    private static List<CurvePoint> rocPoints(long[] tps, long[] fps, int steps, long attacks, long normals,
                                              int maxPoints) {
        if (attacks == 0 || normals == 0) {
            return List.of();
        }
        List<CurvePoint> points = new ArrayList<>();
        for (int k : thinned(steps + 1, maxPoints)) {
            points.add(new CurvePoint((double) fps[k] / normals, (double) tps[k] / attacks));
        }
        return List.copyOf(points);
    }

    private static List<CurvePoint> prPoints(long[] tps, long[] fps, int steps, long attacks, int maxPoints) {
        if (attacks == 0) {
            return List.of();
        }
        // Index 0 stands for scikit-learn's extra point (recall 0, precision 1).
        List<CurvePoint> points = new ArrayList<>();
        for (int k : thinned(steps + 1, maxPoints)) {
            points.add(k == 0 ? new CurvePoint(0, 1)
                    : new CurvePoint((double) tps[k] / attacks, (double) tps[k] / (tps[k] + fps[k])));
        }
        return List.copyOf(points);
    }

    /**
     * At most {@code max} indices of {@code 0 … count−1}, evenly spaced, always with the first and last: the
     * curves are monotone in x, so dropping points between kept ones only straightens short stretches.
     */
    static int[] thinned(int count, int max) {
        if (count <= max) {
            int[] all = new int[count];
            Arrays.setAll(all, k -> k);
            return all;
        }
        int[] kept = new int[max];
        for (int k = 0; k < max; k++) {
            kept[k] = (int) Math.round((double) k * (count - 1) / (max - 1));
        }
        return kept;
    }
}
