package org.flowscore.features;

/**
 * One labelled row: the 41 NSL-KDD features, the extended features when they were computed, the label
 * ({@code normal} or an attack name) and the difficulty level (how many of 21 reference classifiers got an
 * NSL-KDD row right), -1 when the data has none.
 *
 * @param extended null for NSL-KDD rows and for logs read without the extended features
 */
public record LabelledFeatures(KddFeatures features, ExtendedFeatures extended, String label, int difficulty) {

    public static final int NO_DIFFICULTY = -1;
    public static final String NORMAL = "normal";

    /** An NSL-KDD row: the 41 features only. */
    public LabelledFeatures(KddFeatures features, String label, int difficulty) {
        this(features, null, label, difficulty);
    }

    public boolean isAttack() {
        return !label.equals(NORMAL);
    }

    /** The row as a model of {@code set} reads it. */
    public double[] values(FeatureSet set) {
        return set.vector(features, extended);
    }
}
