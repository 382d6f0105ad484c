package org.flowscore.features;

import java.util.Arrays;

/**
 * One connection's 41 NSL-KDD feature values in {@link KddSchema} order. Categorical features hold their
 * index into the vocabulary ({@link KddSchema#vocabulary(int)}). The same type comes out of the log feature
 * extractor and the NSL-KDD CSV reader, so training and scoring share one representation.
 */
public record KddFeatures(double[] values) {

    public KddFeatures {
        if (values.length != KddSchema.COUNT) {
            throw new IllegalArgumentException("expected " + KddSchema.COUNT + " feature values, got " + values.length);
        }
        values = values.clone();
    }

    public double get(int feature) {
        return values[feature];
    }

    public double get(String name) {
        return values[KddSchema.index(name)];
    }

    /** Copies the values into the start of {@code out}, as a model's input vector takes them. */
    void copyTo(double[] out) {
        System.arraycopy(values, 0, out, 0, values.length);
    }

    /** A copy of the values, for models. */
    @Override
    public double[] values() {
        return values.clone();
    }

    public String protocolType() {
        return KddSchema.PROTOCOLS.get((int) values[KddSchema.PROTOCOL_TYPE]);
    }

    public String service() {
        return KddSchema.SERVICES.get((int) values[KddSchema.SERVICE]);
    }

    public String flag() {
        return KddSchema.FLAGS.get((int) values[KddSchema.FLAG]);
    }

    /** One feature as the NSL-KDD files print it: a vocabulary name, an integer, or a rate with two decimals. */
    public String format(int feature) {
        return format(feature, values[feature]);
    }

    /** A value of feature {@code feature} as the NSL-KDD files print it. */
    static String format(int feature, double v) {
        return append(new StringBuilder(8), feature, v).toString();
    }

    /** Appends what {@link #format(int, double)} gives; returns {@code to}. */
    static StringBuilder append(StringBuilder to, int feature, double v) {
        if (KddSchema.isCategorical(feature)) {
            return to.append(KddSchema.vocabulary(feature).get((int) v));
        }
        if (!KddSchema.isRate(feature)) {
            return to.append((long) v);
        }
        long hundredths = Math.round(v * 100);
        long fraction = hundredths % 100;
        return to.append(hundredths / 100).append(fraction < 10 ? ".0" : ".").append(fraction);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KddFeatures other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("KddFeatures[");
        for (int i = 0; i < KddSchema.COUNT; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(KddSchema.NAMES.get(i)).append('=').append(format(i));
        }
        return sb.append(']').toString();
    }
}
