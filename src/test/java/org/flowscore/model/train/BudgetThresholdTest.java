package org.flowscore.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.KddFeatures;
import org.flowscore.features.KddSchema;
import org.flowscore.features.LabelledDataset;
import org.flowscore.features.LabelledFeatures;
import org.junit.jupiter.api.Test;

/** The threshold of a model trained on several captures, and the folds that hold whole captures out. */
class BudgetThresholdTest {

    /**
     * Capture 0: 100 normal rows scoring 0.00, 0.01, … 0.99. Capture 1: 50 normal rows all scoring 0.50. A budget
     * of 2 % allows 3 of the 150 pooled and 6 % (3 of 50, 6 of 100) of each capture. Capture 1 forces the threshold
     * above 0.50; the pooled 3 then leave 0.97, 0.98 and 0.99 of capture 0 flagged, and the lowest point of the
     * grid that flags no more is 0.961. With a budget of 90 %, 135 of 150 may be flagged: all 50 of capture 1 and
     * the 85 of capture 0 scoring 0.15 or more, so 0.141.
     */
    @Test
    void lowestThresholdWithinThePooledAndPerCaptureBudget() {
        int n = 150;
        int[] y = new int[n + 2];
        int[] capture = new int[n + 2];
        double[] score = new double[n + 2];
        for (int i = 0; i < 100; i++) {
            score[i] = i / 100.0;
        }
        for (int i = 100; i < 150; i++) {
            capture[i] = 1;
            score[i] = 0.5;
        }
        y[150] = 1;
        y[151] = 1;
        score[150] = 0.2;
        score[151] = 0.99;
        assertEquals(0.961, Threshold.forBudget(y, capture, 2, score, 0.02), 1e-12);
        assertEquals(0.141, Threshold.forBudget(y, capture, 2, score, 0.9), 1e-12);
    }

    @Test
    void whenNothingKeepsWithinItTheThresholdIsOne() {
        assertEquals(1.0, Threshold.forBudget(new int[] {0, 0}, new int[] {0, 0}, 1, new double[] {1.0, 1.0}, 0.01));
    }

    /** Five captures of 40, 30, 20, 10 and 5 rows dealt to three folds, largest first, in snake order. */
    @Test
    void capturesAreDealtWholeToTheFolds() {
        int[] sizes = {40, 30, 20, 10, 5};
        List<LabelledFeatures> rows = new ArrayList<>();
        List<LabelledDataset.Capture> captures = new ArrayList<>();
        for (int c = 0; c < sizes.length; c++) {
            captures.add(new LabelledDataset.Capture("c" + c, rows.size(), sizes[c], 0, 0));
            for (int i = 0; i < sizes[c]; i++) {
                rows.add(new LabelledFeatures(new KddFeatures(new double[KddSchema.COUNT]),
                        i % 2 == 0 ? "normal" : "attack", LabelledFeatures.NO_DIFFICULTY));
            }
        }
        TrainingSet set = TrainingSet.of(new LabelledDataset(FeatureSet.NSL_KDD, rows, captures, true, "", List.of()));
        CrossValidation.Plan plan = CrossValidation.planByCapture(set, 3);
        assertEquals(3, plan.folds());
        assertEquals(CrossValidation.HeldOut.CAPTURES, plan.heldOut());
        int[] expected = {0, 1, 2, 2, 1};
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(expected[set.capture[i]], plan.fold()[i], "row " + i);
        }
        assertEquals(5, CrossValidation.planByCapture(set, 8).folds(), "at most one fold per capture");
        assertEquals(5, set.capturesWithNormalRows());
    }
}
