package org.flowscore.backfill;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.flowscore.source.ArchiveSpan;

/**
 * Which history a backfill takes: connections that <em>ended</em> in {@code [since, until)}. End time is
 * when Zeek or Suricata logged the connection, so every connection falls in exactly one of two adjacent
 * ranges (a run up to a date and a later run from it take each record once), and it is the order the
 * feature windows run in. A connection that started before {@code since} but ended after it is taken;
 * its {@code @timestamp} is its start.
 *
 * @param since the first instant taken, or null for no lower bound
 * @param until the first instant no longer taken, or null for no upper bound
 */
public record TimeRange(Instant since, Instant until) {
    /**
     * How long after its interval a connection can still be logged into a rotated file: Zeek writes a TCP
     * connection up to its 5-minute inactivity timeout after the last packet; an hour covers that with room.
     */
    static final long LOGGING_DELAY_MICROS = 3_600_000_000L;

    public static final TimeRange ALL = new TimeRange(null, null);

    public TimeRange {
        if (since != null && until != null && !until.isAfter(since)) {
            throw new IllegalArgumentException("--until (" + until + ") must be after --since (" + since + ")");
        }
    }

    boolean containsEnd(long endMicros) {
        return (since == null || endMicros >= micros(since)) && (until == null || endMicros < micros(until));
    }

    /**
     * False when a file with this archive span cannot hold a connection in the range: its interval ended
     * before {@code since}, or it began more than the logging delay after {@code until}.
     */
    boolean mayHold(ArchiveSpan span) {
        if (since != null && span.hasEnd() && span.end().isBefore(since)) {
            return false;
        }
        return until == null || micros(span.start()) < micros(until) + LOGGING_DELAY_MICROS;
    }

    /**
     * Reads {@code --since}/{@code --until}: a date ({@code 2024-04-19}, its midnight), a date and time
     * ({@code 2024-04-19T05:30}, {@code 2024-04-19T05:30:00}) in {@code zone}, or either with an offset
     * ({@code 2024-04-19T05:30:00Z}, {@code 2024-04-19T07:30:00+02:00}).
     */
    public static Instant parseInstant(String text, ZoneId zone) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return OffsetDateTime.parse(text).toInstant();
            }
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date or time: use 2024-04-19,"
                    + " 2024-04-19T05:30, 2024-04-19T05:30:00Z or 2024-04-19T07:30:00+02:00");
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage());
        }
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }
}
