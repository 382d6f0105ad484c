package org.flowscore.alerts;

import java.time.Duration;
import java.util.Locale;

/**
 * How alerts are made.
 *
 * @param mode   one document per group, or per flagged flow
 * @param window the length of a group's time window; windows are aligned to the epoch, so every run cuts time alike
 * @param grace  how far the stream's time must pass a window's end before its group is written: flows a sensor logs
 *               late (Zeek logs UDP and ICMP connections when their minute of inactivity expires) still join it
 */
public record AlertSettings(AlertMode mode, Duration window, Duration grace) {
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);
    public static final Duration DEFAULT_GRACE = Duration.ofMinutes(1);
    public static final AlertSettings DEFAULT = new AlertSettings(AlertMode.GROUPED, DEFAULT_WINDOW, DEFAULT_GRACE);

    public AlertSettings {
        if (window.toSeconds() < 1 || window.toDays() > 1) {
            throw new IllegalArgumentException("the alert window must be between 1 s and 1 day, not "
                    + window.toString().substring(2).toLowerCase(Locale.ROOT));
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("the alert grace cannot be negative");
        }
    }

    /** The default settings in {@code mode} with windows of {@code window}. */
    public static AlertSettings of(AlertMode mode, Duration window) {
        return new AlertSettings(mode, window, DEFAULT_GRACE);
    }
}
