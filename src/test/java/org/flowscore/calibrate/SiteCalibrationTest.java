package org.flowscore.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The threshold a budget gives on a history's scores, worked out by hand. */
class SiteCalibrationTest {
    private static final double[] SCORES = {0.1, 0.5, 0.5, 0.7, 0.9};

    @Test
    void theLowestGridThresholdThatFlagsNoMoreThanAllowed() {
        assertEquals(0.901, SiteCalibration.threshold(SCORES, 0, 0.3), 1e-12, "none may be flagged");
        assertEquals(0.701, SiteCalibration.threshold(SCORES, 1, 0.3), 1e-12, "only 0.9");
        assertEquals(0.501, SiteCalibration.threshold(SCORES, 2, 0.3), 1e-12, "0.7 and 0.9");
        assertEquals(0.501, SiteCalibration.threshold(SCORES, 3, 0.3), 1e-12, "the two 0.5 go together or not at all");
        assertEquals(0.3, SiteCalibration.threshold(SCORES, 5, 0.3), 1e-12, "everything allowed: the model's own");
    }

    @Test
    void neverBelowTheModelsThreshold() {
        assertEquals(0.8, SiteCalibration.threshold(SCORES, 2, 0.8), 1e-12);
    }

    @Test
    void budgets() {
        assertEquals(17, new SiteCalibration.AlertsPerDay(5).allowed(1_000_000, 3.5));
        assertEquals(100, new SiteCalibration.FlaggedShare(0.001).allowed(100_000, 3.5));
    }
}
