package org.flowscore.eval;

import java.util.List;

/**
 * Binary metrics of scores against the truth, attack being the positive class. A row is flagged when its
 * score is at or above the threshold, as {@code Model.isAttack} decides.
 *
 * <p>A ratio with nothing to divide by is NaN rather than an exception or a made-up 0: precision when
 * nothing was flagged, recall without attacks, the ROC area without attacks or without normal rows, the
 * average precision without attacks. Reports print NaN as {@code null} (JSON) or {@code n/a} (text).
 *
 * @param threshold decision threshold on the score
 * @param confusion counts at the threshold
 * @param accuracy  (tp + tn) / rows
 * @param precision tp / (tp + fp)
 * @param recall    tp / (tp + fn)
 * @param f1        2tp / (2tp + fp + fn), the harmonic mean of precision and recall; 0 when attacks were
 *                  present and none was flagged
 * @param rocAuc    area under the ROC curve over every distinct score
 * @param prAuc     average precision (scikit-learn's {@code average_precision_score})
 * @param rocCurve  ROC points for plotting, at most {@link #MAX_CURVE_POINTS}
 * @param prCurve   precision-recall points for plotting, at most {@link #MAX_CURVE_POINTS}
 */
public record Metrics(double threshold, Confusion confusion, double accuracy, double precision, double recall,
                      double f1, double rocAuc, double prAuc, List<CurvePoint> rocCurve,
                      List<CurvePoint> prCurve) {

    public static final int MAX_CURVE_POINTS = 1000;

    public Metrics {
        rocCurve = List.copyOf(rocCurve);
        prCurve = List.copyOf(prCurve);
    }

    /**
     * @param scores    one score per row, in any range but never NaN
     * @param truth     whether each row is an attack
     * @param threshold rows scoring at or above it are flagged
     * @throws IllegalArgumentException when the arrays differ in length or a score or the threshold is NaN
     */
    public static Metrics compute(double[] scores, boolean[] truth, double threshold) {
        if (scores.length != truth.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + truth.length + " truth values");
        }
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("the threshold is NaN");
        }
        long tn = 0;
        long fp = 0;
        long fn = 0;
        long tp = 0;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score of row " + i + " is NaN");
            }
            boolean flagged = scores[i] >= threshold;
            if (truth[i]) {
                tp += flagged ? 1 : 0;
                fn += flagged ? 0 : 1;
            } else {
                fp += flagged ? 1 : 0;
                tn += flagged ? 0 : 1;
            }
        }
        Confusion c = new Confusion(tn, fp, fn, tp);
        RankCurves curves = RankCurves.of(scores, truth, MAX_CURVE_POINTS);
        return new Metrics(threshold, c, ratio(tp + tn, c.total()), ratio(tp, c.flagged()),
                ratio(tp, c.attacks()), ratio(2 * tp, 2 * tp + fp + fn), curves.rocAuc(), curves.prAuc(),
                curves.roc(), curves.pr());
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? Double.NaN : (double) numerator / denominator;
    }
}
