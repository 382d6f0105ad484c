package org.flowscore.model;

import java.util.List;
import org.flowscore.features.KddFeatures;
import org.flowscore.flow.Connection;

/**
 * A connection with its features and the model's verdict.
 *
 * @param explanation the top contributing features when the flow is an attack, else empty
 */
public record ScoredFlow(Connection connection, KddFeatures features, double score, boolean attack,
                         List<Contribution> explanation) {
}
