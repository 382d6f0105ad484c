package org.flowscore.format;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * Exact timestamp parsing for log fields. Times are kept as microseconds since the epoch: parsing the
 * decimal text directly avoids the rounding a {@code double} would add to Zeek's 6-digit fractions.
 */
public final class Timestamps {
    private Timestamps() {
    }

    /** ISO-8601 with an offset in any of the forms logs use: {@code Z}, {@code +02:00}, {@code +0200}. */
    private static final DateTimeFormatter ISO_WITH_OFFSET = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2).appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    /**
     * Parses non-negative decimal seconds ({@code 1713484795.943239}, {@code 12}, {@code 0.000064}) into
     * microseconds; digits past the sixth decimal are truncated.
     *
     * @throws NumberFormatException when the text is not such a number
     */
    public static long secondsToMicros(CharSequence s) {
        int n = s.length();
        if (n == 0) {
            throw new NumberFormatException("empty number");
        }
        long whole = 0;
        int i = 0;
        int wholeDigits = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                break;
            }
            if (c < '0' || c > '9' || ++wholeDigits > 12) {
                return scientificSecondsToMicros(s);
            }
            whole = whole * 10 + (c - '0');
        }
        long fraction = 0;
        int fractionDigits = 0;
        if (i < n) {
            for (i++; i < n; i++) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return scientificSecondsToMicros(s);
                }
                if (fractionDigits < 6) {
                    fraction = fraction * 10 + (c - '0');
                    fractionDigits++;
                }
            }
            if (fractionDigits == 0 && wholeDigits == 0) {
                throw new NumberFormatException("not a number: '" + s + "'");
            }
        }
        for (; fractionDigits < 6; fractionDigits++) {
            fraction *= 10;
        }
        return whole * 1_000_000 + fraction;
    }

    /** Zeek's JSON writer can print small or large intervals in exponent form ({@code 1.2e-05}). */
    private static long scientificSecondsToMicros(CharSequence s) {
        double seconds = Double.parseDouble(s.toString());
        if (!(seconds >= 0) || seconds > 1e12) {
            throw new NumberFormatException("not a non-negative number of seconds: '" + s + "'");
        }
        return Math.round(seconds * 1_000_000);
    }

    /** More digits than epoch seconds will have for 30,000 years: the integer is milliseconds. */
    private static final int MIN_MILLIS_DIGITS = 12;

    /**
     * A Zeek {@code time} in any form Zeek's writers produce: epoch seconds with a fraction (the default),
     * integer epoch milliseconds ({@code JSON::TS_MILLIS}) or ISO-8601 ({@code JSON::TS_ISO8601}).
     *
     * @throws NumberFormatException, DateTimeParseException or ArithmeticException when it is none of them
     */
    public static long zeekTimeToMicros(String s) {
        if (s.indexOf('T') > 0 && s.indexOf('-') > 0) {
            return isoToMicros(s);
        }
        if (s.length() >= MIN_MILLIS_DIGITS && allDigits(s)) {
            return Math.multiplyExact(Long.parseLong(s), 1_000L);
        }
        return secondsToMicros(s);
    }

    /** Asked of every timestamp a log holds: a loop, not a stream, which cost more than the parsing. */
    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses an ISO-8601 timestamp with a zone offset ({@code 2021-06-06T15:57:37.272281+0200},
     * {@code 2019-12-03T22:44:56.035613Z}); a timestamp without an offset is taken as UTC.
     *
     * @throws DateTimeParseException when the text is not such a timestamp
     */
    public static long isoToMicros(String s) {
        var parsed = ISO_WITH_OFFSET.parse(s);
        long epochSecond;
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            epochSecond = OffsetDateTime.from(parsed).toEpochSecond();
        } else {
            epochSecond = java.time.LocalDateTime.from(parsed).toEpochSecond(java.time.ZoneOffset.UTC);
        }
        return epochSecond * 1_000_000 + parsed.getLong(ChronoField.NANO_OF_SECOND) / 1000;
    }
}
