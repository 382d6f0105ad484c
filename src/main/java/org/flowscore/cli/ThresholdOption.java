package org.flowscore.cli;

import org.flowscore.model.Model;
import picocli.CommandLine.Option;

/** {@code --threshold}: the score from which a flow is flagged, when not the model's own. */
final class ThresholdOption {
    @Option(names = "--threshold", paramLabel = "X",
            description = "Flag flows scoring at or above X (0-1) instead of the model's own threshold.")
    Double value;

    /** The given threshold, else the model's. */
    double resolve(Model model) {
        return checked(value != null ? value : model.threshold(), "--threshold");
    }

    /** The threshold when it is a score (0 to 1); else a message naming {@code setting}. */
    static double checked(double threshold, String setting) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new UserFacingException(setting + " must be between 0 and 1, got " + threshold);
        }
        return threshold;
    }
}
