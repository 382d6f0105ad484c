package org.flowscore.model;

import java.util.List;
import org.flowscore.features.ExtendedFeatures;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.FeaturedConnection;
import org.flowscore.features.KddFeatures;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.flow.Connection;
import org.flowscore.flow.Direction;
import org.flowscore.model.score.Contribution;

/**
 * A connection with its features and the model's verdict.
 *
 * @param explanation the top contributing features when the flow is an attack, else empty
 * @param values      its features as one vector, the 41 then the extended ones when they were computed (the
 *                    set {@link FeatureSet#of(FeaturedConnection)} names): made once, read by every rendering
 */
public record ScoredFlow(FeaturedConnection featured, double score, boolean attack, List<Contribution> explanation,
                         double[] values) {

    public ScoredFlow(FeaturedConnection featured, double score, boolean attack, List<Contribution> explanation) {
        this(featured, score, attack, explanation, FeatureSet.of(featured).vector(featured));
    }

    public Connection connection() {
        return featured.connection();
    }

    public Direction direction() {
        return featured.direction();
    }

    /** The 41 NSL-KDD features. */
    public KddFeatures features() {
        return featured.features();
    }

    /** The source's handle: call it once every output stored the flow. */
    public Acknowledgement ack() {
        return featured.ack();
    }

    /** The extended features, or null when the extractor did not compute them. */
    public ExtendedFeatures extended() {
        return featured.extended();
    }
}
