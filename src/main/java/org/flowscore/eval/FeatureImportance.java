package org.flowscore.eval;

/** A feature's global importance, on the model's own non-negative scale. */
public record FeatureImportance(String feature, double importance) {
}
