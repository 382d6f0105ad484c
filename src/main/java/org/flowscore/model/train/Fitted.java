package org.flowscore.model.train;

import java.util.Map;
import org.flowscore.model.score.Scorer;

/**
 * A fitted model: its scorer, the parts {@code model.ser} stores, the settings it was fitted with (as
 * {@code model.json} records them) and any metrics the fit itself measured (out-of-bag accuracy, …).
 */
record Fitted(Scorer scorer, Map<String, Object> parts, Map<String, Object> parameters, Map<String, Double> metrics) {
}
