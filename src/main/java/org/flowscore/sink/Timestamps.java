package org.flowscore.sink;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How output writes times. */
public final class Timestamps {
    private static final DateTimeFormatter MICROS_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** Epoch microseconds as ISO-8601 UTC with all six fraction digits, as pandas, spreadsheets and ES read it. */
    public static String iso(long epochMicros) {
        return MICROS_UTC.format(Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000),
                Math.floorMod(epochMicros, 1_000_000) * 1000L));
    }
}
