package org.flowscore.model.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.LabelledDataset;
import org.flowscore.features.LabelledFeatures;

/**
 * Training rows as arrays: each row's feature values (categoricals as vocabulary indices) in the order of
 * the feature set, 1 for an attack and 0 for a normal row, the label (attack name or detailed label,
 * {@code normal}) and the capture it came from.
 */
final class TrainingSet {
    final FeatureSet features;
    final double[][] x;
    final int[] y;
    final String[] label;
    final int[] capture;
    final List<String> captureNames;

    private TrainingSet(FeatureSet features, double[][] x, int[] y, String[] label, int[] capture,
                        List<String> captureNames) {
        this.features = features;
        this.x = x;
        this.y = y;
        this.label = label;
        this.capture = capture;
        this.captureNames = captureNames;
    }

    static TrainingSet of(LabelledDataset data) {
        List<LabelledFeatures> rows = data.rows();
        int n = rows.size();
        double[][] x = new double[n][];
        int[] y = new int[n];
        String[] label = new String[n];
        for (int i = 0; i < n; i++) {
            LabelledFeatures row = rows.get(i);
            x[i] = row.values(data.featureSet());
            y[i] = row.isAttack() ? 1 : 0;
            label[i] = row.label();
        }
        return new TrainingSet(data.featureSet(), x, y, label, data.captureOfRows(),
                data.captures().stream().map(LabelledDataset.Capture::name).toList());
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

    /** Captures that hold normal rows: those whose false positives a threshold can be measured on. */
    int capturesWithNormalRows() {
        boolean[] has = new boolean[captureNames.size()];
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 0) {
                has[capture[i]] = true;
            }
        }
        int n = 0;
        for (boolean h : has) {
            n += h ? 1 : 0;
        }
        return n;
    }

    /** The features that take one value on all of {@code rows}, in set order. */
    List<Integer> constantOn(int[] rows) {
        List<Integer> constant = new ArrayList<>();
        for (int f = 0; f < features.count(); f++) {
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

    /** The features that vary on {@code rows}: the model's predictors, in set order. */
    int[] predictorsOn(int[] rows) {
        List<Integer> constant = constantOn(rows);
        return IntStream.range(0, features.count()).filter(f -> !constant.contains(f)).toArray();
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
