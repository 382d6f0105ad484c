package org.flowscore.adapt;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.flowscore.flow.Connection;
import org.flowscore.format.Timestamps;

/**
 * The stretch of a site's history taken: connections that <em>ended</em> in {@code [since, until)}, as
 * {@code backfill} takes them, so a run up to an instant and a later run from it take each connection once
 * (an adaptation on one part and a measurement on the rest never share one).
 *
 * @param sinceMicros the first instant taken, microseconds since the epoch, or null for no lower bound
 * @param untilMicros the first instant no longer taken, or null for no upper bound
 */
public record TimeWindow(Long sinceMicros, Long untilMicros) {
    public static final TimeWindow ALL = new TimeWindow(null, null);

    public TimeWindow {
        if (sinceMicros != null && untilMicros != null && untilMicros <= sinceMicros) {
            throw new IllegalArgumentException("--until must be after --since");
        }
    }

    /**
     * Reads {@code --since}/{@code --until} as given: a date ({@code 2024-04-20}, its midnight UTC) or an ISO-8601
     * time ({@code 2021-06-07T04:00:00+02:00}; UTC without an offset). Either may be null.
     *
     * @throws IllegalArgumentException naming the option whose value is no time
     */
    public static TimeWindow parse(String since, String until) {
        return new TimeWindow(micros("--since", since), micros("--until", until));
    }

    private static Long micros(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                Instant midnight = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                return midnight.getEpochSecond() * 1_000_000;
            }
            return Timestamps.isoToMicros(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(option + " '" + text + "' is not a date (2024-04-20) or an ISO-8601"
                    + " time (2024-04-20T06:00:00Z, 2021-06-07T04:00:00+02:00)", e);
        }
    }

    public boolean contains(Connection c) {
        long end = c.endMicros();
        return (sinceMicros == null || end >= sinceMicros) && (untilMicros == null || end < untilMicros);
    }

    /** Whether a connection could fall in both windows. */
    public boolean overlaps(TimeWindow other) {
        long start = Math.max(sinceMicros == null ? Long.MIN_VALUE : sinceMicros,
                other.sinceMicros == null ? Long.MIN_VALUE : other.sinceMicros);
        long end = Math.min(untilMicros == null ? Long.MAX_VALUE : untilMicros,
                other.untilMicros == null ? Long.MAX_VALUE : other.untilMicros);
        return start < end;
    }

    /** The lower bound as an ISO-8601 instant, which {@link #parse} reads back; null when there is none. */
    public String since() {
        return sinceMicros == null ? null : instant(sinceMicros).toString();
    }

    /** The upper bound as an ISO-8601 instant; null when there is none. */
    public String until() {
        return untilMicros == null ? null : instant(untilMicros).toString();
    }

    public boolean isAll() {
        return sinceMicros == null && untilMicros == null;
    }

    /** The window in words, for reports and the model bundle: {@code since 2021-06-07T02:00:00Z}. */
    public String describe() {
        if (isAll()) {
            return "all";
        }
        StringBuilder out = new StringBuilder();
        if (sinceMicros != null) {
            out.append("since ").append(instant(sinceMicros));
        }
        if (untilMicros != null) {
            out.append(out.isEmpty() ? "" : " ").append("until ").append(instant(untilMicros));
        }
        return out.toString();
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
    }
}
