package org.flowscore.model;

import java.util.Map;
import org.flowscore.features.FeatureSet;
import org.flowscore.model.score.BoostingScorer;
import org.flowscore.model.score.ForestScorer;
import org.flowscore.model.score.IsolationScorer;
import org.flowscore.model.score.LogisticScorer;
import org.flowscore.model.score.Scorer;
import org.flowscore.model.score.ScorerParts;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;

/**
 * Builds a model's scorer from the parts of its {@code model.ser}, the same way after training and after
 * loading, so a loaded model scores exactly as the freshly trained one did.
 */
public final class Scorers {
    private Scorers() {
    }

    public static Scorer of(ModelInfo info, Map<String, Object> parts) throws ModelException {
        Algorithm algorithm = Algorithm.byId(info.algorithm());
        if (algorithm == null) {
            throw new ModelException("unknown algorithm '" + info.algorithm() + "' (this flowscore knows "
                    + Algorithm.names() + "). Retrain the model: " + info.retrainCommand());
        }
        FeatureSet set = FeatureSet.of(info.features());
        if (set == null) {
            throw new ModelException("its features are none of the sets this flowscore computes ("
                    + java.util.Arrays.stream(FeatureSet.values()).map(FeatureSet::id).toList()
                    + "). Retrain it: " + info.retrainCommand());
        }
        try {
            return switch (algorithm) {
                case RANDOM_FOREST -> new ForestScorer(ScorerParts.part(parts, ScorerParts.MODEL, RandomForest.class), set);
                case GRADIENT_BOOSTING -> new BoostingScorer(ScorerParts.part(parts, ScorerParts.MODEL, GradientTreeBoost.class),
                        ScorerParts.part(parts, BoostingScorer.SHRINKAGE, Double.class), set);
                case LOGISTIC -> LogisticScorer.of(parts, set);
                case ISOLATION_FOREST -> IsolationScorer.of(parts, set);
            };
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new ModelException("model.ser does not hold a usable " + algorithm + " model (" + e.getMessage()
                    + "). Retrain it: " + info.retrainCommand(), e);
        }
    }

}
