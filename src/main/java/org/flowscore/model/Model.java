package org.flowscore.model;

import java.util.function.Consumer;
import org.flowscore.features.FeatureExtractor;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.FeaturedConnection;
import org.flowscore.features.ServiceTable;
import org.flowscore.model.score.Scorer;

/** A loaded model: what it is (from {@code model.json}) and how it scores. */
public record Model(ModelInfo info, Scorer scorer) {

    /** The features its scorer reads. */
    public FeatureSet featureSet() {
        return info.featureSet();
    }

    public double threshold() {
        return info.threshold();
    }

    /**
     * A feature extractor that computes what this model reads, with the window settings it was trained with,
     * for one stream of connections.
     */
    public FeatureExtractor featureExtractor(Consumer<FeaturedConnection> downstream) {
        return new FeatureExtractor(info.featureSettings(), info.extendedSettings(), ServiceTable.bundled(),
                downstream);
    }

    public boolean isAttack(double score) {
        return score >= info.threshold();
    }
}
