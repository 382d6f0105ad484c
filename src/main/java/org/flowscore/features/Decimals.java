package org.flowscore.features;

/** Numbers with a fixed number of decimals, trailing zeros dropped, without {@code String.format}. */
final class Decimals {
    private static final long[] POWERS = {1, 10, 100, 1000, 10_000, 100_000, 1_000_000};

    private Decimals() {
    }

    /** {@code value} rounded half away from zero to {@code places} (0–6) decimals: 0.5, 2, -1, 0.3333. */
    static String format(double value, int places) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        long scale = POWERS[places];
        long scaled = Math.round(Math.abs(value) * scale);
        StringBuilder sb = new StringBuilder(16);
        if (value < 0 && scaled != 0) {
            sb.append('-');
        }
        sb.append(scaled / scale);
        long fraction = scaled % scale;
        if (fraction != 0) {
            sb.append('.');
            String digits = Long.toString(fraction + scale).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append(digits, 0, end);
        }
        return sb.toString();
    }
}
