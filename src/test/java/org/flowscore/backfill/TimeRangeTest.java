package org.flowscore.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.flowscore.source.ArchiveSpan;
import org.junit.jupiter.api.Test;

class TimeRangeTest {
    private static final Instant NOON = Instant.parse("2024-04-19T12:00:00Z");

    @Test
    void timesAreDatesOrDateTimesInTheZoneOrWithTheirOwnOffset() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals(Instant.parse("2024-04-18T22:00:00Z"), TimeRange.parseInstant("2024-04-19", berlin));
        assertEquals(NOON, TimeRange.parseInstant("2024-04-19T14:00", berlin));
        assertEquals(NOON, TimeRange.parseInstant("2024-04-19T12:00:00Z", berlin));
        assertEquals(NOON, TimeRange.parseInstant("2024-04-19T14:00:00+02:00", ZoneOffset.UTC));
        assertThrows(IllegalArgumentException.class, () -> TimeRange.parseInstant("19.04.2024", berlin));
    }

    @Test
    void aConnectionIsTakenByItsEndAndTheRangeIsHalfOpen() {
        TimeRange range = new TimeRange(NOON, NOON.plusSeconds(3600));
        long noon = TimeRange.micros(NOON);
        assertTrue(range.containsEnd(noon));
        assertFalse(range.containsEnd(noon - 1));
        assertTrue(range.containsEnd(noon + 3_600_000_000L - 1));
        assertFalse(range.containsEnd(noon + 3_600_000_000L));
        assertTrue(TimeRange.ALL.containsEnd(Long.MIN_VALUE));
    }

    @Test
    void filesAreSkippedOnlyWhenTheirIntervalCannotHoldAConnectionInRange() {
        TimeRange range = new TimeRange(NOON, NOON.plusSeconds(3600));
        assertFalse(range.mayHold(hour("2024-04-19T10:00:00Z")), "ended before since");
        assertTrue(range.mayHold(hour("2024-04-19T11:00:00Z")), "ends at since: may hold a connection ending then");
        assertTrue(range.mayHold(hour("2024-04-19T13:00:00Z")), "logged in the hour after until");
        assertFalse(range.mayHold(hour("2024-04-19T14:00:00Z")), "begins an hour after until");
        assertTrue(range.mayHold(new ArchiveSpan(Instant.parse("2024-04-19T09:00:00Z"), null)), "end unknown");
    }

    private static ArchiveSpan hour(String start) {
        Instant s = Instant.parse(start);
        return new ArchiveSpan(s, s.plusSeconds(3600));
    }
}
