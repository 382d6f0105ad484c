package org.flowscore.source;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time a rotated log covers, read from its archive name, so history can be put in order and selected
 * without opening every file. Two layouts carry it:
 * <ul>
 *   <li>zeekctl's archive: {@code YYYY-MM-DD/conn.HH:MM:SS-HH:MM:SS.log.gz}, start and end of the rotation
 *       interval (an end at or before the start is on the next day, as in {@code 23:00:00-00:00:00});</li>
 *   <li>Zeek's own rotation: {@code conn.YYYY-MM-DD-HH-MM-SS.log}, the start only.</li>
 * </ul>
 * Suricata's and logrotate's names ({@code eve.json.1}, {@code eve.json-20240101.gz}) tell when the file
 * was rotated, not what it holds, so they carry no span.
 *
 * @param start the first instant the file covers
 * @param end   the instant just past the file's interval, or null when the name tells only the start
 */
public record ArchiveSpan(Instant start, Instant end) {
    private static final Pattern ZEEKCTL = Pattern.compile(
            "[^.]+\\.(\\d{2}:\\d{2}:\\d{2})-(\\d{2}:\\d{2}:\\d{2})\\.log(\\..*)?");
    private static final Pattern DATE_FOLDER = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ZEEK_ROTATED = Pattern.compile(
            "[^.]+\\.(\\d{4}-\\d{2}-\\d{2})-(\\d{2})-(\\d{2})-(\\d{2})\\.log(\\..*)?");

    /**
     * The span in the file's name, with clock times read in {@code zone} (zeekctl names archives in the
     * sensor's local time); empty when the name carries none.
     */
    public static Optional<ArchiveSpan> of(Path file, ZoneId zone) {
        String name = file.getFileName().toString();
        try {
            Matcher zeekctl = ZEEKCTL.matcher(name);
            Path folder = file.getParent() == null ? null : file.getParent().getFileName();
            if (zeekctl.matches() && folder != null && DATE_FOLDER.matcher(folder.toString()).matches()) {
                LocalDate day = LocalDate.parse(folder.toString());
                LocalDateTime start = day.atTime(LocalTime.parse(zeekctl.group(1)));
                LocalDateTime end = day.atTime(LocalTime.parse(zeekctl.group(2)));
                if (!end.isAfter(start)) {
                    end = end.plusDays(1);
                }
                return Optional.of(new ArchiveSpan(start.atZone(zone).toInstant(), end.atZone(zone).toInstant()));
            }
            Matcher rotated = ZEEK_ROTATED.matcher(name);
            if (rotated.matches()) {
                LocalDateTime start = LocalDate.parse(rotated.group(1)).atTime(Integer.parseInt(rotated.group(2)),
                        Integer.parseInt(rotated.group(3)), Integer.parseInt(rotated.group(4)));
                return Optional.of(new ArchiveSpan(start.atZone(zone).toInstant(), null));
            }
        } catch (DateTimeException e) {
            // A name that looks like an archive but holds no real date (2024-13-45) tells nothing.
        }
        return Optional.empty();
    }

    /** True when the name tells where the interval ends. */
    public boolean hasEnd() {
        return end != null;
    }
}
