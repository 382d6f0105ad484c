package org.flowscore.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Where a partition taken over is read from, by hand. */
class WarmUpTest {
    @Test
    void theWarmUpReachesBackToTheFirstRecordOfItsTime() {
        assertEquals(700, WarmUp.start(1_000, 0, 700, 1_000_000));
    }

    @Test
    void atMostTheBoundOfRecordsIsReadAgain() {
        assertEquals(900, WarmUp.start(1_000, 0, 700, 100));
    }

    @Test
    void neverBeforeTheFirstOffsetKept() {
        assertEquals(400, WarmUp.start(1_000, 400, 100, 1_000_000));
    }

    @Test
    void noRecordThatNewOrNoneLaterThanTheCommitReadsNothingAgain() {
        assertEquals(1_000, WarmUp.start(1_000, 0, -1, 1_000_000));
        assertEquals(1_000, WarmUp.start(1_000, 0, 1_200, 1_000_000));
    }
}
