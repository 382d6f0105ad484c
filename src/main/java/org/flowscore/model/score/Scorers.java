package org.flowscore.model.score;

import java.util.Map;
import org.flowscore.features.FeatureSet;
import org.flowscore.model.Algorithm;
import org.flowscore.model.ModelException;
import org.flowscore.model.ModelInfo;
import org.flowscore.model.Scorer;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.type.StructType;

/**
 * Builds a model's scorer from the parts of its {@code model.ser}, the same way after training and after
 * loading, so a loaded model scores exactly as the freshly trained one did.
 */
public final class Scorers {
    /** The part every model has: the Smile model itself. */
    public static final String MODEL = "model";

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
                case RANDOM_FOREST -> new ForestScorer(part(parts, MODEL, RandomForest.class), set);
                case GRADIENT_BOOSTING -> new BoostingScorer(part(parts, MODEL, GradientTreeBoost.class),
                        part(parts, BoostingScorer.SHRINKAGE, Double.class), set);
                case LOGISTIC -> LogisticScorer.of(parts, set);
                case ISOLATION_FOREST -> IsolationScorer.of(parts, set);
            };
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new ModelException("model.ser does not hold a usable " + algorithm + " model (" + e.getMessage()
                    + "). Retrain it: " + info.retrainCommand(), e);
        }
    }

    static <T> T part(Map<String, Object> parts, String name, Class<T> type) {
        Object value = parts.get(name);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("part '" + name + "' is " + (value == null ? "missing"
                    : "a " + value.getClass().getName()) + ", expected a " + type.getSimpleName());
        }
        return type.cast(value);
    }

    /** For each column of a Smile predictor schema, the index of the feature of that name in the set. */
    static int[] featuresOf(StructType schema, FeatureSet set) {
        int[] featureOf = new int[schema.length()];
        for (int j = 0; j < featureOf.length; j++) {
            featureOf[j] = set.index(schema.field(j).name());
            if (featureOf[j] < 0) {
                throw new IllegalArgumentException("the model reads '" + schema.field(j).name()
                        + "', which is not among its features");
            }
        }
        return featureOf;
    }

    /** Checks that feature indices are distinct and in the set. */
    static int[] checkFeatures(int[] features, FeatureSet set) {
        boolean[] seen = new boolean[set.count()];
        for (int f : features) {
            if (f < 0 || f >= set.count() || seen[f]) {
                throw new IllegalArgumentException("bad feature index " + f);
            }
            seen[f] = true;
        }
        return features;
    }
}
