package org.flowscore.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a length of time as people type it: {@code 90s}, {@code 10m}, {@code 1h}, {@code 2d}, {@code 500ms}, or seconds. */
final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern AMOUNT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)?");

    @Override
    public Duration convert(String value) {
        Matcher m = AMOUNT.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration: use e.g. 90s, 10m, 1h, 2d or 500ms");
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
