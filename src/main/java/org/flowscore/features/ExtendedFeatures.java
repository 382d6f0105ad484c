package org.flowscore.features;

import java.util.Arrays;

/**
 * One connection's {@link ExtendedSchema} feature values, in schema order; categorical ones hold their
 * index into the vocabulary, as in {@link KddFeatures}.
 */
public record ExtendedFeatures(double[] values) {

    public ExtendedFeatures {
        if (values.length != ExtendedSchema.COUNT) {
            throw new IllegalArgumentException("expected " + ExtendedSchema.COUNT + " extended feature values, got "
                    + values.length);
        }
        values = values.clone();
    }

    public double get(int feature) {
        return values[feature];
    }

    public double get(String name) {
        int i = ExtendedSchema.NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no extended feature named '" + name + "'");
        }
        return values[i];
    }

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** Copies the values into {@code out} from {@code offset}, as a model's input vector takes them. */
    void copyTo(double[] out, int offset) {
        System.arraycopy(values, 0, out, offset, values.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtendedFeatures other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ExtendedFeatures[");
        for (int i = 0; i < ExtendedSchema.COUNT; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(ExtendedSchema.NAMES.get(i)).append('=').append(FeatureSet.EXTENDED.format(KddSchema.COUNT + i,
                    values[i]));
        }
        return sb.append(']').toString();
    }
}
