package org.flowscore.model.train;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The decision threshold of a supervised model, chosen on out-of-fold scores of the training data: the
 * value among 0.001, 0.002, … 0.999 that maximises {@code 0.5·TNR + 0.5·Σ w_type·TPR_type}, the TPR
 * taken per attack type with weights proportional to the square root of the type's rows (summing to 1).
 * Big types count more than small ones, but not in proportion to their size, so a flood of one easy attack
 * does not set the threshold. The lowest maximising value wins.
 */
final class Threshold {
    static final String CRITERION = "maximises 0.5·TNR + 0.5·Σ w·TPR over the attack types"
            + " (w ∝ √rows of the type) for thresholds 0.001…0.999";

    private Threshold() {
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
