package org.flowscore.model.score;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowscore.features.FeatureSet;
import smile.anomaly.IsolationForest;

/**
 * Scores with Smile's isolation forest, trained on normal traffic only. Features are encoded as plain
 * numbers: a categorical feature becomes the share of training rows with that category (0 for one never
 * seen), a numeric one goes through {@link Encoding#numeric}.
 *
 * <p>The score is the fraction of training rows with a lower anomaly score, the raw score in (0, 1]
 * breaking ties: {@code (rows below + raw) / (rows + 1)}. It is in [0, 1) and reads as "more unusual than
 * this share of the training traffic". An explanation lists the features whose values are rarest among the
 * training rows, by {@link Encoding#rarity} (1 − two-sided tail probability, in [0, 1]): a measure of how
 * unusual each value is, not a share of the score.
 */
public final class IsolationScorer implements Scorer {
    static final String FEATURES = "features";
    static final String FREQUENCY = "frequency";
    static final String TRAINING_SCORES = "trainingScores";
    static final String SAMPLE = "sample";
    static final String IMPORTANCE = "importance";

    private final IsolationForest model;
    private final FeatureSet set;
    private final int[] features;
    private final double[][] frequency;
    private final double[] trainingScores;
    private final double[][] sample;
    private final double[] importance;

    /**
     * @param features       the features used, as indices in the feature set, in the model's column order
     * @param frequency      for each used categorical feature the training share of each category, else null
     * @param trainingScores the raw scores of the training rows, sorted
     * @param sample         for each used feature, sorted encoded training values (a quantile sample)
     * @param importance     importance of each feature of the set
     */
    public IsolationScorer(IsolationForest model, FeatureSet set, int[] features, double[][] frequency,
                           double[] trainingScores, double[][] sample, double[] importance) {
        ScorerParts.checkFeatures(features, set);
        if (frequency.length != features.length || sample.length != features.length
                || importance.length != set.count() || trainingScores.length == 0) {
            throw new IllegalArgumentException("encoding arrays of the wrong length");
        }
        this.model = model;
        this.set = set;
        this.features = features;
        this.frequency = frequency;
        this.trainingScores = trainingScores;
        this.sample = sample;
        this.importance = importance;
    }

    /** The model's input row for the feature values {@code x}. */
    public static double[] encode(FeatureSet set, double[] x, int[] features, double[][] frequency) {
        double[] z = new double[features.length];
        for (int j = 0; j < features.length; j++) {
            int f = features[j];
            if (frequency[j] != null) {
                int code = (int) x[f];
                z[j] = code >= 0 && code < frequency[j].length ? frequency[j][code] : 0.0;
            } else {
                z[j] = Encoding.numeric(set, f, x[f]);
            }
        }
        return z;
    }

    /** The score of a raw isolation-forest score against the sorted training scores. */
    public static double relative(double raw, double[] trainingScores) {
        return (Encoding.below(trainingScores, raw) + raw) / (trainingScores.length + 1.0);
    }

    public static IsolationScorer of(Map<String, Object> parts, FeatureSet set) {
        return new IsolationScorer(ScorerParts.part(parts, ScorerParts.MODEL, IsolationForest.class), set,
                ScorerParts.part(parts, FEATURES, int[].class), ScorerParts.part(parts, FREQUENCY, double[][].class),
                ScorerParts.part(parts, TRAINING_SCORES, double[].class), ScorerParts.part(parts, SAMPLE, double[][].class),
                ScorerParts.part(parts, IMPORTANCE, double[].class));
    }

    /** The {@code model.ser} parts of this model. */
    public Map<String, Object> parts() {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put(ScorerParts.MODEL, model);
        parts.put(FEATURES, features);
        parts.put(FREQUENCY, frequency);
        parts.put(TRAINING_SCORES, trainingScores);
        parts.put(SAMPLE, sample);
        parts.put(IMPORTANCE, importance);
        return parts;
    }

    @Override
    public double score(double[] x) {
        return relative(model.score(encode(set, x, features, frequency)), trainingScores);
    }

    @Override
    public List<Contribution> explain(double[] x, int top) {
        return Explanations.top(set, rarities(x), x, top);
    }

    /** {@link Encoding#rarity} of each used feature's value, by feature (0 for unused ones). */
    public double[] rarities(double[] x) {
        double[] z = encode(set, x, features, frequency);
        double[] rarity = new double[set.count()];
        for (int j = 0; j < features.length; j++) {
            rarity[features[j]] = Encoding.rarity(sample[j], z[j]);
        }
        return rarity;
    }

    @Override
    public double[] importance() {
        return importance.clone();
    }
}
