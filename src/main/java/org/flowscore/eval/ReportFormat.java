package org.flowscore.eval;

import java.math.BigDecimal;
import java.util.Locale;
import org.flowscore.model.ModelInfo;

/** Number formats shared by the text and HTML reports, so both print the same figures. */
final class ReportFormat {
    private ReportFormat() {
    }

    static final String NOT_AVAILABLE = "n/a";

    /** A ratio with four decimals; NaN (nothing to divide by) as {@code n/a}. */
    static String ratio(double value) {
        return Double.isNaN(value) ? NOT_AVAILABLE : String.format(Locale.ROOT, "%.4f", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A threshold as the model states it, without padding zeros. */
    static String threshold(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : Double.toString(value);
    }

    static String model(ModelInfo info) {
        return info.name() + " " + info.version() + " (" + info.algorithm() + ")";
    }
}
