package org.flowscore.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lengths of time as people type them: {@code 90s}, {@code 10m}, {@code 1h}, {@code 2d}, {@code 500ms}, or seconds. */
public final class Durations {
    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)?");

    private Durations() {
    }

    /** @throws IllegalArgumentException saying what a duration looks like */
    public static Duration parse(String value) {
        Matcher m = AMOUNT.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a duration: use e.g. 90s, 10m, 1h, 2d or 500ms");
        }
        double amount = Double.parseDouble(m.group(1));
        double millisPerUnit = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> 1;
            case "m" -> 60_000;
            case "h" -> 3_600_000;
            case "d" -> 86_400_000;
            default -> 1000;
        };
        return Duration.ofNanos(Math.round(amount * millisPerUnit * 1_000_000));
    }
}
