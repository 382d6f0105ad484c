package org.flowscore.alerts;

import java.util.Locale;

/**
 * What the alert output did in a run.
 *
 * @param alerted            flagged flows that alert (not allowlisted)
 * @param allowlisted        flows an allowlist entry covers
 * @param allowlistedFlagged of them, flagged by the model: alerts the allowlist kept back
 * @param groupDocuments     alert group documents written, counting those late flows write again
 * @param late               flagged flows that came after their group's window had closed: they write their group
 *                           again, which a store that already holds it keeps once, by id
 */
public record AlertCounts(AlertSettings settings, long alerted, long allowlisted, long allowlistedFlagged,
                          long groupDocuments, long late) {

    /** One line for a run's summary. */
    public String line() {
        String alerts = settings.mode() == AlertMode.GROUPED
                ? String.format(Locale.ROOT, "alerts: %,d flagged flows in %,d alert group documents (%s windows)",
                alerted, groupDocuments, window())
                : String.format(Locale.ROOT, "alerts: %,d flagged flows, one alert each", alerted);
        String late = this.late == 0 ? "" : String.format(Locale.ROOT, "; %,d of the flows came after their group's"
                + " window had closed",
                this.late);
        String kept = allowlisted == 0 ? "" : String.format(Locale.ROOT, "; %,d flows allowlisted (%,d flagged)",
                allowlisted, allowlistedFlagged);
        return alerts + late + kept;
    }

    private String window() {
        long seconds = settings.window().toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + "-minute" : seconds + "-second";
    }
}
