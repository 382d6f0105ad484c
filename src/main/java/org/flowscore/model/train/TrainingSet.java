package org.flowscore.model.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.flowscore.features.KddSchema;
import org.flowscore.features.LabelledFeatures;

/**
 * Training rows as arrays: the 41 feature values of each row (categoricals as vocabulary indices), 1 for an
 * attack and 0 for a normal row, and the label (attack name or detailed label, {@code normal}).
 */
final class TrainingSet {
    final double[][] x;
    final int[] y;
    final String[] label;

    private TrainingSet(double[][] x, int[] y, String[] label) {
        this.x = x;
        this.y = y;
        this.label = label;
    }

    static TrainingSet of(List<LabelledFeatures> rows) {
        int n = rows.size();
        double[][] x = new double[n][];
        int[] y = new int[n];
        String[] label = new String[n];
        for (int i = 0; i < n; i++) {
            LabelledFeatures row = rows.get(i);
            x[i] = row.features().values();
            y[i] = row.isAttack() ? 1 : 0;
            label[i] = row.label();
        }
        return new TrainingSet(x, y, label);
    }

    int size() {
        return y.length;
    }

    int attacks() {
        int a = 0;
        for (int v : y) {
            a += v;
        }
        return a;
    }

    int[] all() {
        return IntStream.range(0, size()).toArray();
    }

    int[] normalRows() {
        return IntStream.range(0, size()).filter(i -> y[i] == 0).toArray();
    }

    /** Rows of each attack label, labels in name order. */
    Map<String, Integer> attackTypes() {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 1) {
                counts.merge(label[i], 1, Integer::sum);
            }
        }
        return counts;
    }

    /** The features that take one value on all of {@code rows}, in schema order. */
    List<Integer> constantOn(int[] rows) {
        List<Integer> constant = new ArrayList<>();
        for (int f = 0; f < KddSchema.COUNT; f++) {
            boolean same = true;
            double first = x[rows[0]][f];
            for (int i : rows) {
                if (Double.compare(x[i][f], first) != 0) {
                    same = false;
                    break;
                }
            }
            if (same) {
                constant.add(f);
            }
        }
        return constant;
    }

    /** The features that vary on {@code rows}: the model's predictors, in schema order. */
    int[] predictorsOn(int[] rows) {
        List<Integer> constant = constantOn(rows);
        return IntStream.range(0, KddSchema.COUNT).filter(f -> !constant.contains(f)).toArray();
    }

    /** The labels of {@code rows}, 1 attack, 0 normal. */
    int[] labels(int[] rows) {
        int[] out = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = y[rows[k]];
        }
        return out;
    }
}
