package org.flowscore.features;

/** Numbers with a fixed number of decimals, trailing zeros dropped, without {@code String.format}. */
final class Decimals {
    private static final long[] POWERS = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000};

    private Decimals() {
    }

    /** {@code value} rounded half away from zero to {@code places} (0–6) decimals: 0.5, 2, -1, 0.3333. */
    static String format(double value, int places) {
        return append(new StringBuilder(16), value, places).toString();
    }

    /** Appends {@code value} as {@link #format} writes it; returns {@code to}. */
    static StringBuilder append(StringBuilder to, double value, int places) {
        if (!Double.isFinite(value)) {
            return to.append(value);
        }
        long scale = POWERS[places];
        long scaled = Math.round(Math.abs(value) * scale);
        if (value < 0 && scaled != 0) {
            to.append('-');
        }
        to.append(scaled / scale);
        long fraction = scaled % scale;
        if (fraction != 0) {
            int digits = places;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            to.append('.');
            for (long power = POWERS[digits - 1]; power > fraction; power /= 10) {
                to.append('0');
            }
            to.append(fraction);
        }
        return to;
    }
}
