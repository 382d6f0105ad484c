package org.flowscore.sink;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Small formatting rules shared by the CSV writers. */
final class Csv {
    private static final DateTimeFormatter MICROS_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Csv() {
    }

    /** A field quoted only when it must be (RFC 4180): when it holds a comma, quote or line break. */
    static String field(String s) {
        if (s == null) {
            return "";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + s.replace("\"", "\"\"") + '"';
            }
        }
        return s;
    }

    /** Epoch microseconds as ISO-8601 UTC with all six fraction digits, as pandas and spreadsheets read it. */
    static String timestamp(long epochMicros) {
        return MICROS_UTC.format(Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000),
                Math.floorMod(epochMicros, 1_000_000) * 1000L));
    }
}
