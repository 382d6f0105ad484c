package org.flowscore.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final double EPS = 1e-12;

    /**
     * Attacks at 0.9 and 0.6, normal rows at 0.8, 0.7, 0.3, 0.1. Of the 2 × 4 attack-normal pairs, 0.9 is
     * above all four normal rows and 0.6 above two: ROC AUC 6/8. Going down the ranking, the first attack is
     * found at precision 1/1 and the second at 2/4, each adding half the recall: AP = ½·1 + ½·½ = 0.75.
     */
    @Test
    void distinctScoresByHand() {
        double[] scores = {0.9, 0.8, 0.7, 0.6, 0.3, 0.1};
        boolean[] truth = {true, false, false, true, false, false};
        Metrics m = Metrics.compute(scores, truth, 0.5);
        assertEquals(0.75, m.rocAuc(), EPS);
        assertEquals(0.75, m.prAuc(), EPS);
        assertEquals(new Confusion(2, 2, 0, 2), m.confusion());
        assertEquals(4.0 / 6, m.accuracy(), EPS);
        assertEquals(0.5, m.precision(), EPS);
        assertEquals(1.0, m.recall(), EPS);
        assertEquals(2.0 / 3, m.f1(), EPS);
        assertEquals(List.of(p(0, 0), p(0, 0.5), p(0.25, 0.5), p(0.5, 0.5), p(0.5, 1), p(0.75, 1), p(1, 1)),
                m.rocCurve());
        assertEquals(List.of(p(0, 1), p(0.5, 1), p(0.5, 0.5), p(0.5, 1.0 / 3), p(1, 0.5), p(1, 0.4),
                p(1, 1.0 / 3)), m.prCurve());
    }

    /**
     * Attacks at 0.8, 0.5, 0.5 and normal rows at 0.8, 0.5, 0.2. A tied pair counts one half: the 0.8
     * attack scores 0.5 + 1 + 1 and each 0.5 attack 0 + 0.5 + 1, so ROC AUC = 5.5/9 = 11/18. Thresholds
     * 0.8 and 0.5 find 1 then 3 attacks among 2 then 5 rows: AP = ⅓·½ + ⅔·⅗ = 17/30.
     */
    @Test
    void tiedScoresByHand() {
        double[] scores = {0.8, 0.8, 0.5, 0.5, 0.5, 0.2};
        boolean[] truth = {true, false, true, false, true, false};
        Metrics m = Metrics.compute(scores, truth, 0.5);
        assertEquals(11.0 / 18, m.rocAuc(), EPS);
        assertEquals(17.0 / 30, m.prAuc(), EPS);
        assertEquals(List.of(p(0, 0), p(1.0 / 3, 1.0 / 3), p(2.0 / 3, 1), p(1, 1)), m.rocCurve());
        assertEquals(List.of(p(0, 1), p(1.0 / 3, 0.5), p(1, 0.6), p(1, 0.5)), m.prCurve());
        // Scores equal to the threshold are flagged, as Model.isAttack decides.
        assertEquals(new Confusion(1, 2, 0, 3), m.confusion());
        assertEquals(new Confusion(2, 1, 2, 1), Metrics.compute(scores, truth, Math.nextUp(0.5)).confusion());
        assertEquals(new Confusion(0, 3, 0, 3), Metrics.compute(scores, truth, 0.2).confusion());
        assertEquals(new Confusion(3, 0, 3, 0), Metrics.compute(scores, truth, 0.81).confusion());
        // The threshold does not move the threshold-free areas.
        assertEquals(m.rocAuc(), Metrics.compute(scores, truth, 0.81).rocAuc());
    }

    @Test
    void withoutAttacksRecallAndAreasAreUndefined() {
        Metrics m = Metrics.compute(new double[] {0.1, 0.7}, new boolean[] {false, false}, 0.5);
        assertEquals(new Confusion(1, 1, 0, 0), m.confusion());
        assertEquals(0.5, m.accuracy(), EPS);
        assertEquals(0.0, m.precision(), EPS);
        assertTrue(Double.isNaN(m.recall()));
        assertEquals(0.0, m.f1(), EPS);
        assertTrue(Double.isNaN(m.rocAuc()));
        assertTrue(Double.isNaN(m.prAuc()));
        assertEquals(List.of(), m.rocCurve());
        assertEquals(List.of(), m.prCurve());
    }

    /** Without normal rows every flag is right: ROC AUC is undefined, average precision 1 (scikit-learn). */
    @Test
    void withoutNormalRowsOnlyTheRocAreaIsUndefined() {
        Metrics m = Metrics.compute(new double[] {0.2, 0.9, 0.9}, new boolean[] {true, true, true}, 0.5);
        assertEquals(new Confusion(0, 0, 1, 2), m.confusion());
        assertEquals(1.0, m.precision(), EPS);
        assertEquals(2.0 / 3, m.recall(), EPS);
        assertTrue(Double.isNaN(m.rocAuc()));
        assertEquals(1.0, m.prAuc(), EPS);
        assertEquals(List.of(), m.rocCurve());
        assertEquals(List.of(p(0, 1), p(2.0 / 3, 1), p(1, 1)), m.prCurve());
    }

    @Test
    void nothingFlaggedLeavesPrecisionUndefinedAndF1Zero() {
        Metrics m = Metrics.compute(new double[] {0.1, 0.2, 0.3}, new boolean[] {true, false, true}, 0.9);
        assertEquals(new Confusion(1, 0, 2, 0), m.confusion());
        assertTrue(Double.isNaN(m.precision()));
        assertEquals(0.0, m.recall());
        assertEquals(0.0, m.f1());
        assertEquals(0.5, m.rocAuc(), EPS);
    }

    @Test
    void noRowsAtAll() {
        Metrics m = Metrics.compute(new double[0], new boolean[0], 0.5);
        assertEquals(new Confusion(0, 0, 0, 0), m.confusion());
        for (double v : new double[] {m.accuracy(), m.precision(), m.recall(), m.f1(), m.rocAuc(), m.prAuc()}) {
            assertTrue(Double.isNaN(v));
        }
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Metrics.compute(new double[] {0.1}, new boolean[] {true, false}, 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metrics.compute(new double[] {0.1, Double.NaN}, new boolean[] {true, false}, 0.5));
        assertEquals("score of row 1 is NaN", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Metrics.compute(new double[] {0.1}, new boolean[] {true}, Double.NaN));
    }

    /** Against the definitions computed the slow way: every attack-normal pair, every distinct threshold. */
    @Test
    void agreesWithPairwiseCountingOnTiedRandomScores() {
        Random random = new Random(42);
        int n = 3_000;
        double[] scores = new double[n];
        boolean[] truth = new boolean[n];
        for (int i = 0; i < n; i++) {
            truth[i] = random.nextDouble() < 0.3;
            // Two decimals, as NSL-KDD rates: many ties.
            scores[i] = Math.round(Math.min(1, Math.max(0, random.nextGaussian() * 0.2 + (truth[i] ? 0.6 : 0.4))) * 100)
                    / 100.0;
        }
        double pairs = 0;
        long attacks = 0;
        long normals = 0;
        for (int i = 0; i < n; i++) {
            attacks += truth[i] ? 1 : 0;
            normals += truth[i] ? 0 : 1;
            for (int j = 0; j < n; j++) {
                if (truth[i] && !truth[j]) {
                    pairs += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        double ap = 0;
        long previousTp = 0;
        for (int step = 100; step >= 0; step--) {
            double t = step / 100.0;
            long tp = 0;
            long flagged = 0;
            for (int i = 0; i < n; i++) {
                if (scores[i] >= t) {
                    flagged++;
                    tp += truth[i] ? 1 : 0;
                }
            }
            if (tp > previousTp) {
                ap += (double) (tp - previousTp) / attacks * tp / flagged;
            }
            previousTp = tp;
        }
        Metrics m = Metrics.compute(scores, truth, 0.5);
        assertEquals(pairs / (attacks * normals), m.rocAuc(), 1e-12);
        assertEquals(ap, m.prAuc(), 1e-12);
    }

    @Test
    void largeInputsAreFastAndCurvesAreThinnedForPlotting() {
        Random random = new Random(7);
        int n = 150_000;
        double[] scores = new double[n];
        boolean[] truth = new boolean[n];
        for (int i = 0; i < n; i++) {
            truth[i] = random.nextBoolean();
            scores[i] = random.nextDouble();
        }
        long start = System.nanoTime();
        Metrics m = Metrics.compute(scores, truth, 0.5);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1_000, "150,000 rows took " + millis + " ms");
        assertEquals(0.5, m.rocAuc(), 0.01);
        assertEquals(Metrics.MAX_CURVE_POINTS, m.rocCurve().size());
        assertEquals(Metrics.MAX_CURVE_POINTS, m.prCurve().size());
        assertEquals(p(0, 0), m.rocCurve().getFirst());
        assertEquals(p(1, 1), m.rocCurve().getLast());
        assertEquals(p(0, 1), m.prCurve().getFirst());
        assertEquals(1.0, m.prCurve().getLast().x());
        for (int k = 1; k < m.rocCurve().size(); k++) {
            assertTrue(m.rocCurve().get(k).x() >= m.rocCurve().get(k - 1).x());
            assertTrue(m.rocCurve().get(k).y() >= m.rocCurve().get(k - 1).y());
        }
    }

    @Test
    void thinningKeepsBothEndsAndSpacesEvenly() {
        assertEquals(List.of(0, 1, 2), boxed(RankCurves.thinned(3, 5)));
        assertEquals(List.of(0, 3, 5, 8, 10), boxed(RankCurves.thinned(11, 5)));
    }

    private static CurvePoint p(double x, double y) {
        return new CurvePoint(x, y);
    }

    private static List<Integer> boxed(int[] values) {
        return Arrays.stream(values).boxed().toList();
    }
}
