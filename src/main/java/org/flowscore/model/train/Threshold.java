package org.flowscore.model.train;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The decision threshold of a supervised model, chosen on out-of-fold scores of the training data.
 *
 * <p>Trained on several captures, it is set to a false-positive budget ({@link #forBudget}): what an analyst
 * can bear is a number of alerts from normal traffic, not a balance of error rates.
 *
 * <p>Otherwise it is the value among 0.001, 0.002, … 0.999 that maximises {@code 0.5·TNR + 0.5·Σ w_type·TPR_type}, the TPR
 * taken per attack type with weights proportional to the square root of the type's rows (summing to 1).
 * Big types count more than small ones, but not in proportion to their size, so a flood of one easy attack
 * does not set the threshold. The lowest maximising value wins.
 */
final class Threshold {
    static final String CRITERION = "maximises 0.5·TNR + 0.5·Σ w·TPR over the attack types"
            + " (w ∝ √rows of the type) for thresholds 0.001…0.999";

    /** A capture may exceed the pooled budget by this factor, no more. */
    static final double CAPTURE_BUDGET_FACTOR = 3;

    private Threshold() {
    }

    static String budgetCriterion(double budget) {
        return "the lowest of 0.001…0.999 that flags at most " + percent(budget) + " of the held-out normal rows"
                + " pooled and at most " + percent(CAPTURE_BUDGET_FACTOR * budget) + " of any one capture's";
    }

    /**
     * The lowest threshold on the grid 0.001…0.999 at which normal rows flagged (score at or above it) are at
     * most {@code budget} of all normal rows, and at most {@value #CAPTURE_BUDGET_FACTOR} times that of each
     * capture's; 0.999 when no lower one keeps within it (1.0 when even that does not).
     */
    static double forBudget(int[] y, int[] capture, int captures, double[] score, double budget) {
        int[] normals = new int[captures];
        int total = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 0) {
                normals[capture[i]]++;
                total++;
            }
        }
        // Normal rows flagged at threshold k/1000: those scoring at or above it, counted per grid step.
        int[][] atStep = new int[captures][1001];
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 0) {
                atStep[capture[i]][step(score[i])]++;
            }
        }
        int[] flagged = new int[captures];
        int flaggedTotal = 0;
        double best = 1.0;
        // Walk down from 1.0: flagged counts only grow as the threshold falls.
        for (int k = 1000; k >= 1; k--) {
            for (int c = 0; c < captures; c++) {
                flagged[c] += atStep[c][k];
                flaggedTotal += atStep[c][k];
            }
            if (k == 1000) {
                continue;
            }
            boolean within = flaggedTotal <= budget * total;
            for (int c = 0; c < captures && within; c++) {
                within = flagged[c] <= CAPTURE_BUDGET_FACTOR * budget * normals[c];
            }
            if (!within) {
                break;
            }
            best = k / 1000.0;
        }
        return best;
    }

    /** The grid step at or below a score: scores in [k/1000, (k+1)/1000) are flagged at thresholds up to k/1000. */
    private static int step(double score) {
        return (int) Math.min(1000, Math.max(0, Math.floor(score * 1000 + 1e-9)));
    }

    private static String percent(double share) {
        return Math.round(share * 10000) / 100.0 + " %";
    }

    static double choose(int[] y, String[] label, double[] score) {
        Map<String, Integer> counts = new HashMap<>();
        int normals = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 1) {
                counts.merge(label[i], 1, Integer::sum);
            } else {
                normals++;
            }
        }
        double sqrtSum = 0;
        for (String type : counts.keySet().stream().sorted().toList()) {
            sqrtSum += Math.sqrt(counts.get(type));
        }
        double[] weight = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 1) {
                int c = counts.get(label[i]);
                weight[i] = 0.5 * Math.sqrt(c) / sqrtSum / c;
            } else {
                weight[i] = 0.5 / normals;
            }
        }
        Integer[] boxed = IntStream.range(0, y.length).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, Comparator.comparingDouble(i -> score[i]));
        // A row is called an attack when score >= t: sweep t upwards, moving rows that fall below t.
        double normalsBelow = 0;
        double attacksBelow = 0;
        double best = Double.NEGATIVE_INFINITY;
        double bestThreshold = 0.5;
        int p = 0;
        for (int k = 1; k <= 999; k++) {
            double t = k / 1000.0;
            while (p < boxed.length && score[boxed[p]] < t) {
                int i = boxed[p++];
                if (y[i] == 1) {
                    attacksBelow += weight[i];
                } else {
                    normalsBelow += weight[i];
                }
            }
            double value = normalsBelow + (0.5 - attacksBelow);
            if (value > best) {
                best = value;
                bestThreshold = t;
            }
        }
        return bestThreshold;
    }
}
