package org.flowscore.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.KddFeatures;
import org.flowscore.features.LabelledDataset;
import org.flowscore.features.KddSchema;
import org.flowscore.features.LabelledFeatures;
import org.junit.jupiter.api.Test;

/** Threshold choice, fold assignment and AUC on small made-up data. */
class SelectionTest {

    @Test
    void thresholdSeparatesNormalRowsFromEveryAttackType() {
        List<String> labels = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        add(labels, scores, "normal", 0.1, 500);
        add(labels, scores, "neptune", 0.5, 100);
        add(labels, scores, "phf", 0.3, 4);
        assertEquals(0.101, choose(labels, scores));
        // A small type below the normal rows is given up rather than the normal rows, but the big one is kept.
        scores.replaceAll(s -> s == 0.3 ? 0.05 : s);
        assertEquals(0.101, choose(labels, scores));
        // Calling everything an attack (0.5 + 0) loses to keeping the normal rows and the big type (0.5 + 10/12 / 2).
        scores.replaceAll(s -> s == 0.5 ? 0.7 : s);
        assertEquals(0.101, choose(labels, scores));
        // The threshold goes above every normal row when all attack types stay above it.
        add(labels, scores, "normal", 0.2, 150);
        scores.replaceAll(s -> s == 0.05 ? 0.3 : s);
        assertEquals(0.201, choose(labels, scores));
    }

    @Test
    void attackTypesAreDealtToFoldsBySizeInSnakeOrder() {
        List<LabelledFeatures> rows = new ArrayList<>();
        String[] types = {"a", "b", "c", "d", "e", "f"};
        int[] counts = {50, 40, 30, 20, 10, 5};
        for (int t = 0; t < types.length; t++) {
            for (int i = 0; i < counts[t]; i++) {
                rows.add(row(types[t]));
            }
        }
        for (int i = 0; i < 300; i++) {
            rows.add(row("normal"));
        }
        TrainingSet set = TrainingSet.of(LabelledDataset.of(FeatureSet.NSL_KDD, rows, true, "", List.of("rows")));
        CrossValidation.Plan plan = CrossValidation.plan(set, 3, 42);
        assertEquals(CrossValidation.HeldOut.ATTACK_TYPES, plan.heldOut());
        int[] expected = {0, 1, 2, 2, 1, 0};
        int[] normalsPerFold = new int[3];
        for (int i = 0; i < rows.size(); i++) {
            String label = rows.get(i).label();
            if (label.equals("normal")) {
                normalsPerFold[plan.fold()[i]]++;
            } else {
                assertEquals(expected[label.charAt(0) - 'a'], plan.fold()[i], label);
            }
        }
        for (int n : normalsPerFold) {
            assertTrue(n > 70 && n < 130, "normal rows per fold " + n);
        }
    }

    @Test
    void aucCountsTiesAsHalf() {
        Random random = new Random(3);
        int n = 400;
        int[] y = new int[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(3) == 0 ? 1 : 0;
            s[i] = random.nextInt(20) / 20.0 + 0.1 * y[i];
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (y[i] == 1 && y[j] == 0) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, Metrics.auc(y, s), 1e-12);
        assertEquals(1.0, Metrics.auc(new int[] {0, 1}, new double[] {0.2, 0.7}));
        assertTrue(Double.isNaN(Metrics.auc(new int[] {1, 1}, new double[] {0.2, 0.7})));
    }

    private static double choose(List<String> labels, List<Double> scores) {
        int[] y = labels.stream().mapToInt(l -> l.equals("normal") ? 0 : 1).toArray();
        return Threshold.choose(y, labels.toArray(new String[0]), scores.stream().mapToDouble(d -> d).toArray());
    }

    private static void add(List<String> labels, List<Double> scores, String label, double score, int count) {
        for (int i = 0; i < count; i++) {
            labels.add(label);
            scores.add(score);
        }
    }

    private static LabelledFeatures row(String label) {
        return new LabelledFeatures(new KddFeatures(new double[KddSchema.COUNT]), label,
                LabelledFeatures.NO_DIFFICULTY);
    }
}
