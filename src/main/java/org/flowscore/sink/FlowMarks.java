package org.flowscore.sink;

/**
 * What the analyst's side decided about a flow before it is rendered, written into its document under
 * {@code flowscore.*}: whether an allowlist entry covers it, and for a flagged flow that is not allowlisted, what
 * kind of alert it is and which alert group stands for it.
 *
 * @param allowlistEntry the id of the allowlist entry that covers it, or null
 * @param alertKind      the kind of behaviour of a flagged, not allowlisted flow ({@code scan}, {@code beacon}, ...),
 *                       else null
 * @param alertSeverity  with the kind: {@code low}, {@code medium}, {@code high} or {@code critical}, from the score
 * @param alertGroup     the id of the alert group document that stands for it when alerts are grouped, else null
 */
public record FlowMarks(String allowlistEntry, String alertKind, String alertSeverity, String alertGroup) {
    public static final FlowMarks NONE = new FlowMarks(null, null, null, null);

    /**
     * Whether a flagged flow gets an alert document of its own: not when an allowlist entry covers it, nor when
     * an alert group stands for it.
     */
    public boolean alertOfItsOwn() {
        return allowlistEntry == null && alertGroup == null;
    }
}
