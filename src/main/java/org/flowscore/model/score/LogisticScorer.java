package org.flowscore.model.score;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flowscore.features.FeatureSet;
import smile.classification.LogisticRegression;

/**
 * Scores with a logistic regression over standardised numeric features ({@link Encoding#numeric}, then
 * centred and scaled with the training mean and standard deviation) and one-hot categorical features. The
 * score is the probability of attack; a feature's contribution is its term of the linear predictor
 * (coefficient × standardised value, or the coefficient of the row's category), in log-odds of attack.
 */
public final class LogisticScorer implements Scorer {
    static final String NUMERIC = "numeric";
    static final String CENTER = "center";
    static final String SCALE = "scale";
    static final String CATEGORICAL = "categorical";
    static final String IMPORTANCE = "importance";

    private final LogisticRegression.Binomial model;
    private final FeatureSet set;
    private final int[] numeric;
    private final double[] center;
    private final double[] scale;
    private final int[] categorical;
    private final int[] offset;
    private final int width;
    private final double[] importance;

    /**
     * @param numeric     numeric features used, as indices in the feature set
     * @param center      their training means (after {@link Encoding#numeric})
     * @param scale       their training standard deviations (1 where a feature did not vary)
     * @param categorical categorical features used, one-hot encoded after the numeric ones in this order
     * @param importance  importance of each feature of the set
     */
    public LogisticScorer(LogisticRegression.Binomial model, FeatureSet set, int[] numeric, double[] center,
                          double[] scale, int[] categorical, double[] importance) {
        ScorerParts.checkFeatures(numeric, set);
        ScorerParts.checkFeatures(categorical, set);
        if (center.length != numeric.length || scale.length != numeric.length || importance.length != set.count()) {
            throw new IllegalArgumentException("encoding arrays of the wrong length");
        }
        this.model = model;
        this.set = set;
        this.numeric = numeric;
        this.center = center;
        this.scale = scale;
        this.categorical = categorical;
        this.offset = new int[categorical.length];
        int w = numeric.length;
        for (int c = 0; c < categorical.length; c++) {
            if (!set.isCategorical(categorical[c])) {
                throw new IllegalArgumentException(set.names().get(categorical[c]) + " is not categorical");
            }
            offset[c] = w;
            w += set.vocabulary(categorical[c]).size();
        }
        this.width = w;
        if (model.coefficients().length != width + 1) {
            throw new IllegalArgumentException("the model has " + (model.coefficients().length - 1)
                    + " inputs, the encoding " + width);
        }
        this.importance = importance;
    }

    /** Columns of the design matrix: the numeric features, then one per category of each categorical one. */
    public static int width(FeatureSet set, int[] numeric, int[] categorical) {
        int w = numeric.length;
        for (int f : categorical) {
            w += set.vocabulary(f).size();
        }
        return w;
    }

    /** The design row of {@code x}, written into {@code row} (length {@link #width}). */
    public static void encode(FeatureSet set, double[] x, int[] numeric, double[] center, double[] scale,
                              int[] categorical, double[] row) {
        java.util.Arrays.fill(row, numeric.length, row.length, 0.0);
        for (int j = 0; j < numeric.length; j++) {
            row[j] = (Encoding.numeric(set, numeric[j], x[numeric[j]]) - center[j]) / scale[j];
        }
        int w = numeric.length;
        for (int f : categorical) {
            int size = set.vocabulary(f).size();
            int code = (int) x[f];
            if (code >= 0 && code < size) {
                row[w + code] = 1.0;
            }
            w += size;
        }
    }

    public static LogisticScorer of(Map<String, Object> parts, FeatureSet set) {
        return new LogisticScorer(ScorerParts.part(parts, ScorerParts.MODEL, LogisticRegression.Binomial.class), set,
                ScorerParts.part(parts, NUMERIC, int[].class), ScorerParts.part(parts, CENTER, double[].class),
                ScorerParts.part(parts, SCALE, double[].class), ScorerParts.part(parts, CATEGORICAL, int[].class),
                ScorerParts.part(parts, IMPORTANCE, double[].class));
    }

    /** The {@code model.ser} parts of this model. */
    public Map<String, Object> parts() {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put(ScorerParts.MODEL, model);
        parts.put(NUMERIC, numeric);
        parts.put(CENTER, center);
        parts.put(SCALE, scale);
        parts.put(CATEGORICAL, categorical);
        parts.put(IMPORTANCE, importance);
        return parts;
    }

    @Override
    public double score(double[] features) {
        return model.score(row(features));
    }

    @Override
    public List<Contribution> explain(double[] features, int top) {
        double[] row = row(features);
        double[] w = model.coefficients();
        double[] contribution = new double[set.count()];
        for (int j = 0; j < numeric.length; j++) {
            contribution[numeric[j]] = w[j] * row[j];
        }
        for (int c = 0; c < categorical.length; c++) {
            int code = (int) features[categorical[c]];
            if (code >= 0 && code < set.vocabulary(categorical[c]).size()) {
                contribution[categorical[c]] = w[offset[c] + code];
            }
        }
        return Explanations.top(set, contribution, features, top);
    }

    @Override
    public double[] importance() {
        return importance.clone();
    }

    private double[] row(double[] features) {
        double[] row = new double[width];
        encode(set, features, numeric, center, scale, categorical, row);
        return row;
    }
}
