package org.flowscore.sink;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Epoch microseconds as ISO-8601 UTC with all six fraction digits ({@code 2024-04-19T01:00:01.433985Z}), as
 * pandas, spreadsheets and Elasticsearch read it. Consecutive flows mostly start within the same second, so
 * the date and time of the last second is kept and only the fraction is written anew. One per thread.
 */
public final class IsoTimestamps {
    private final StringBuilder second = new StringBuilder(20);
    private long secondCached = Long.MIN_VALUE;

    /** Appends the timestamp to {@code to}; returns {@code to}. */
    public StringBuilder append(StringBuilder to, long epochMicros) {
        long epochSecond = Math.floorDiv(epochMicros, 1_000_000);
        if (epochSecond != secondCached) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
            second.setLength(0);
            pad(second, t.getYear(), 4).append('-');
            pad(second, t.getMonthValue(), 2).append('-');
            pad(second, t.getDayOfMonth(), 2).append('T');
            pad(second, t.getHour(), 2).append(':');
            pad(second, t.getMinute(), 2).append(':');
            pad(second, t.getSecond(), 2).append('.');
            secondCached = epochSecond;
        }
        to.append(second);
        return pad(to, Math.floorMod(epochMicros, 1_000_000), 6).append('Z');
    }

    /** The timestamp as a string. */
    public String format(long epochMicros) {
        return append(new StringBuilder(27), epochMicros).toString();
    }

    private static StringBuilder pad(StringBuilder to, long value, int digits) {
        for (long limit = 10; digits > 1; digits--, limit *= 10) {
            if (value < limit) {
                to.append('0');
            }
        }
        return to.append(value);
    }
}
