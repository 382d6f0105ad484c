package org.flowscore.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ArchiveSpanTest {
    @Test
    void zeekctlArchivesCarryTheirHourAndTheLastHourEndsNextDay() {
        assertEquals(new ArchiveSpan(Instant.parse("2024-04-19T13:00:00Z"), Instant.parse("2024-04-19T14:00:00Z")),
                ArchiveSpan.of(Path.of("logs/2024-04-19/conn.13:00:00-14:00:00.log.gz"), ZoneOffset.UTC).orElseThrow());
        assertEquals(new ArchiveSpan(Instant.parse("2024-04-19T23:00:00Z"), Instant.parse("2024-04-20T00:00:00Z")),
                ArchiveSpan.of(Path.of("2024-04-19/conn.23:00:00-00:00:00.log.gz"), ZoneOffset.UTC).orElseThrow());
    }

    @Test
    void clockTimesAreReadInTheSensorsZone() {
        ArchiveSpan berlin = ArchiveSpan.of(Path.of("2024-04-19/conn.13:00:00-14:00:00.log.gz"),
                ZoneId.of("Europe/Berlin")).orElseThrow();
        assertEquals(Instant.parse("2024-04-19T11:00:00Z"), berlin.start());
    }

    @Test
    void zeeksOwnRotationTellsTheStartOnly() {
        ArchiveSpan span = ArchiveSpan.of(Path.of("conn.2024-05-01-13-00-00.log"), ZoneOffset.UTC).orElseThrow();
        assertEquals(Instant.parse("2024-05-01T13:00:00Z"), span.start());
        assertTrue(!span.hasEnd());
    }

    @Test
    void namesWithoutATimeOrWithAnImpossibleOneCarryNone() {
        for (String name : new String[] {"eve.json.1", "eve.json-20240101.gz", "current/conn.log",
                "notadate/conn.13:00:00-14:00:00.log.gz", "2024-13-45/conn.13:00:00-14:00:00.log.gz",
                "2024-04-19/conn.25:00:00-26:00:00.log.gz"}) {
            assertTrue(ArchiveSpan.of(Path.of(name), ZoneOffset.UTC).isEmpty(), name);
        }
    }
}
