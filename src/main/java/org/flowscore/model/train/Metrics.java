package org.flowscore.model.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Binary classification metrics; a row is called an attack when its score is at or above the threshold. */
public final class Metrics {
    private Metrics() {
    }

    /** Share of rows called correctly. */
    public static double accuracy(int[] y, double[] score, double threshold) {
        int correct = 0;
        for (int i = 0; i < y.length; i++) {
            if ((score[i] >= threshold) == (y[i] == 1)) {
                correct++;
            }
        }
        return correct / (double) y.length;
    }

    /** Share of rows with label {@code cls} called {@code cls}: TPR for 1, TNR for 0 (NaN without such rows). */
    public static double rate(int[] y, double[] score, double threshold, int cls) {
        int total = 0;
        int correct = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] == cls) {
                total++;
                if ((score[i] >= threshold) == (cls == 1)) {
                    correct++;
                }
            }
        }
        return total == 0 ? Double.NaN : correct / (double) total;
    }

    /**
     * Area under the ROC curve: the probability that an attack row scores above a normal one, ties counting
     * half. NaN when either class is missing.
     */
    public static double auc(int[] y, double[] score) {
        int positives = 0;
        for (int v : y) {
            positives += v;
        }
        int negatives = y.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double[] pos = new double[positives];
        double[] neg = new double[negatives];
        for (int i = 0, p = 0, q = 0; i < y.length; i++) {
            if (y[i] == 1) {
                pos[p++] = score[i];
            } else {
                neg[q++] = score[i];
            }
        }
        Arrays.sort(pos);
        Arrays.sort(neg);
        double wins = 0;
        int below = 0;
        int upTo = 0;
        for (double s : pos) {
            while (below < negatives && neg[below] < s) {
                below++;
            }
            upTo = Math.max(upTo, below);
            while (upTo < negatives && neg[upTo] <= s) {
                upTo++;
            }
            wins += below + 0.5 * (upTo - below);
        }
        return wins / ((double) positives * negatives);
    }

    /** Accuracy, TPR, TNR and AUC under the given names' prefix, e.g. {@code oofAccuracy}. */
    static Map<String, Double> summary(String prefix, int[] y, double[] score, double threshold) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(prefix + "Accuracy", accuracy(y, score, threshold));
        m.put(prefix + "Tpr", rate(y, score, threshold, 1));
        m.put(prefix + "Tnr", rate(y, score, threshold, 0));
        m.put(prefix + "Auc", auc(y, score));
        return m;
    }
}
