package org.flowscore.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** --since/--until by hand: the forms read, end-time membership, overlap. */
class TimeWindowTest {
    @Test
    void datesAndTimesWithOrWithoutOffsets() {
        TimeWindow w = TimeWindow.parse("2024-04-20", "2025-06-07T04:00:00+02:00");
        assertEquals(1_713_571_200_000_000L, w.sinceMicros(), "midnight UTC");
        assertEquals("2024-04-20T00:00:00Z", w.since());
        assertEquals("2025-06-07T02:00:00Z", w.until());
        assertEquals(TimeWindow.parse(w.since(), w.until()), w, "what the bundle records reads back");
        assertEquals(1_713_571_200_000_000L, TimeWindow.parse("2024-04-20T00:00:00", null).sinceMicros(),
                "no offset: UTC");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeWindow.parse(null, "tomorrow"));
        assertTrue(e.getMessage().startsWith("--until 'tomorrow' is not a date"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeWindow.parse("2024-04-20", "2024-04-19"));
    }

    @Test
    void adjacentWindowsShareNoInstantAndAnyBoundOverlapsAll() {
        TimeWindow before = TimeWindow.parse(null, "2024-04-20");
        TimeWindow after = TimeWindow.parse("2024-04-20", null);
        assertFalse(before.overlaps(after));
        assertFalse(after.overlaps(before));
        assertTrue(TimeWindow.ALL.overlaps(after));
        assertTrue(TimeWindow.parse("2024-04-19T12:00:00Z", "2024-04-20T12:00:00Z").overlaps(after));
        assertEquals("all", TimeWindow.ALL.describe());
        assertEquals("until 2024-04-20T00:00:00Z", before.describe());
    }
}
