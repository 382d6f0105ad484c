package org.flowscore.flow;

/**
 * A label the log itself carries, as IoT-23's {@code label} / {@code detailed-label} columns do, or as
 * {@code flowscore simulate} writes it.
 *
 * @param label    e.g. {@code benign}, {@code Malicious}
 * @param detail   e.g. {@code PartOfAHorizontalPortScan}; null when the log gives none
 */
public record GroundTruth(String label, String detail) {

    /** True when the label names malicious traffic ({@code malicious}, {@code attack}, or any non-benign name). */
    public boolean isAttack() {
        String l = label.toLowerCase(java.util.Locale.ROOT);
        return !(l.equals("benign") || l.equals("normal") || l.equals("-"));
    }
}
