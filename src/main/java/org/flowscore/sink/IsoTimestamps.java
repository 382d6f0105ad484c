package org.flowscore.sink;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Epoch microseconds as ISO-8601 UTC with all six fraction digits ({@code 2024-04-19T01:00:01.433985Z}), as
 * pandas, spreadsheets and Elasticsearch read it. Consecutive flows mostly start within the same second, so
 * the date and time of the last second is kept and only the fraction is written anew. One per thread.
 */
public final class IsoTimestamps {
    /** The most characters a timestamp takes: a year of ten digits and a sign (27 for years 0 to 9999). */
    public static final int MAX_LENGTH = 34;

    /** {@code YYYY-MM-DDTHH:MM:SS.} of {@link #secondCached}, in its first {@link #secondLength} bytes. */
    private final byte[] second = new byte[MAX_LENGTH];
    private int secondLength;
    private final byte[] scratch = new byte[MAX_LENGTH];
    private long secondCached = Long.MIN_VALUE;

    /** Writes the timestamp into {@code to} at {@code at} (up to {@link #MAX_LENGTH} bytes); returns where it ends. */
    public int write(byte[] to, int at, long epochMicros) {
        long epochSecond = Math.floorDiv(epochMicros, 1_000_000);
        if (epochSecond != secondCached) {
            cache(epochSecond);
        }
        System.arraycopy(second, 0, to, at, secondLength);
        at += secondLength;
        pad(to, at, Math.floorMod(epochMicros, 1_000_000), 6);
        to[at + 6] = 'Z';
        return at + 7;
    }

    /** Appends the timestamp to {@code to}; returns {@code to}. */
    public StringBuilder append(StringBuilder to, long epochMicros) {
        int end = write(scratch, 0, epochMicros);
        for (int i = 0; i < end; i++) {
            to.append((char) scratch[i]);
        }
        return to;
    }

    /** The timestamp as a string. */
    public String format(long epochMicros) {
        return append(new StringBuilder(MAX_LENGTH), epochMicros).toString();
    }

    private void cache(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        int at = 0;
        int year = t.getYear();
        if (year >= 0 && year <= 9999) {
            pad(second, 0, year, 4);
            at = 4;
        } else {
            // Only a broken clock or record gets here; written whole, as Long.toString writes it.
            byte[] digits = Integer.toString(year).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(digits, 0, second, 0, digits.length);
            at = digits.length;
        }
        second[at] = '-';
        pad(second, at + 1, t.getMonthValue(), 2);
        second[at + 3] = '-';
        pad(second, at + 4, t.getDayOfMonth(), 2);
        second[at + 6] = 'T';
        pad(second, at + 7, t.getHour(), 2);
        second[at + 9] = ':';
        pad(second, at + 10, t.getMinute(), 2);
        second[at + 12] = ':';
        pad(second, at + 13, t.getSecond(), 2);
        second[at + 15] = '.';
        secondLength = at + 16;
        secondCached = epochSecond;
    }

    /** {@code value}'s last {@code digits} decimal digits, zero-padded, at {@code at}. */
    private static void pad(byte[] to, int at, long value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            to[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
