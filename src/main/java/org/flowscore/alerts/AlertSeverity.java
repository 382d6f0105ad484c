package org.flowscore.alerts;

import java.util.Locale;

/**
 * An alert's severity from its score, in the bands Elastic Security uses between risk score and severity (0-21
 * low, 22-47 medium, 48-73 high, 74-100 critical), so a rule that takes both from the document agrees with itself.
 */
public enum AlertSeverity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** The severity of a score between 0 and 1 (its risk score is the score times 100). */
    public static AlertSeverity of(double score) {
        long risk = Math.round(score * 100);
        return risk <= 21 ? LOW : risk <= 47 ? MEDIUM : risk <= 73 ? HIGH : CRITICAL;
    }

    /** The value documents carry ({@code flowscore.alert.severity}) and rules map: {@code low} ... {@code critical}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
