package org.flowscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a run's progress line says, computed by hand. */
class ScoreProgressTest {
    @Test
    void flowsTimeAndRate() {
        assertEquals("scored 1,234 flows in 2.0 s (617 flows/s)", ScoreProgress.line(1_234, 2_000_000_000L));
        assertEquals("scored 986,160 flows in 7.6 s (129,758 flows/s)", ScoreProgress.line(986_160, 7_600_000_000L));
        assertEquals("scored 0 flows in 0.0 s (0 flows/s)", ScoreProgress.line(0, 0));
    }
}
