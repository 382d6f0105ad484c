package org.flowscore.flow;

import java.util.Locale;

/**
 * A label the log itself carries, as IoT-23's {@code label} / {@code detailed-label} columns, Stratosphere's
 * {@code label} / {@code detailedlabel} columns, or {@code flowscore simulate} write it.
 *
 * @param label    e.g. {@code benign}, {@code Malicious}, {@code Background}
 * @param detail   e.g. {@code PartOfAHorizontalPortScan}; null when the log gives none
 */
public record GroundTruth(String label, String detail) {

    /** What a label says about its connection. */
    public enum Kind {
        BENIGN,
        ATTACK,
        /**
         * Stratosphere's {@code Background} and {@code Unknown}, {@code -} and an empty label: nobody looked at
         * the connection, so it is neither benign nor an attack and counts in no metric.
         */
        UNLABELLED
    }

    public GroundTruth {
        if (label == null) {
            throw new IllegalArgumentException("a ground truth needs a label (empty when the log left it empty)");
        }
    }

    public Kind kind() {
        return switch (label.trim().toLowerCase(Locale.ROOT)) {
            case "benign", "normal" -> Kind.BENIGN;
            case "background", "unknown", "-", "" -> Kind.UNLABELLED;
            default -> Kind.ATTACK;
        };
    }

    /** True when the label names malicious traffic ({@code Malicious}, {@code attack}, an attack's name). */
    public boolean isAttack() {
        return kind() == Kind.ATTACK;
    }

    public boolean isLabelled() {
        return kind() != Kind.UNLABELLED;
    }
}
