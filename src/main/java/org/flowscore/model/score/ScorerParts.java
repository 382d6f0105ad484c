package org.flowscore.model.score;

import java.util.Map;
import org.flowscore.features.FeatureSet;
import smile.data.type.StructType;

/** The parts of a {@code model.ser} as the scorers read them back, checked before any is trusted. */
public final class ScorerParts {
    /** The part every model has: the Smile model itself. */
    public static final String MODEL = "model";

    private ScorerParts() {
    }

    /** The named part, of the type expected; an {@link IllegalArgumentException} naming what was found. */
    public static <T> T part(Map<String, Object> parts, String name, Class<T> type) {
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
