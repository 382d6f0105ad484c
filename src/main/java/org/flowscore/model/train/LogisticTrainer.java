package org.flowscore.model.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowscore.features.FeatureSet;
import org.flowscore.model.score.Encoding;
import org.flowscore.model.score.LogisticScorer;
import smile.classification.LogisticRegression;

/**
 * Smile's L2-penalised logistic regression on standardised numeric features and one-hot categorical ones
 * (see {@link LogisticScorer}). Its fit is deterministic.
 */
final class LogisticTrainer implements SupervisedTrainer {
    private static final double TOLERANCE = 1e-5;
    private static final int MAX_ITERATIONS = 500;

    private final TrainingOptions options;

    LogisticTrainer(TrainingOptions options) {
        this.options = options;
    }

    @Override
    public Fitted fit(TrainingSet set, int[] predictors, int[] rows, int fold) {
        FeatureSet features = set.features;
        int[] numeric = Arrays.stream(predictors).filter(f -> !features.isCategorical(f)).toArray();
        int[] categorical = Arrays.stream(predictors).filter(features::isCategorical).toArray();
        double[] center = new double[numeric.length];
        double[] scale = new double[numeric.length];
        for (int j = 0; j < numeric.length; j++) {
            double sum = 0;
            double sumSq = 0;
            for (int i : rows) {
                double v = Encoding.numeric(features, numeric[j], set.x[i][numeric[j]]);
                sum += v;
                sumSq += v * v;
            }
            center[j] = sum / rows.length;
            double sd = Math.sqrt(Math.max(0, sumSq / rows.length - center[j] * center[j]));
            scale[j] = sd > 0 ? sd : 1.0;
        }
        int width = LogisticScorer.width(features, numeric, categorical);
        double[][] design = new double[rows.length][width];
        for (int k = 0; k < rows.length; k++) {
            LogisticScorer.encode(features, set.x[rows[k]], numeric, center, scale, categorical, design[k]);
        }
        var model = (LogisticRegression.Binomial) LogisticRegression.fit(design, set.labels(rows),
                new LogisticRegression.Options(options.lambda(), TOLERANCE, MAX_ITERATIONS));
        LogisticScorer scorer = new LogisticScorer(model, features, numeric, center, scale, categorical,
                importance(features, model.coefficients(), numeric, categorical, design));

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("lambda", options.lambda());
        parameters.put("tolerance", TOLERANCE);
        parameters.put("maxIterations", MAX_ITERATIONS);
        parameters.put("seed", options.seed());
        return new Fitted(scorer, scorer.parts(), parameters, Map.of());
    }

    /**
     * A numeric feature's absolute coefficient (its effect per standard deviation); a categorical feature's
     * mean absolute coefficient over the training rows' categories.
     */
    private static double[] importance(FeatureSet features, double[] w, int[] numeric, int[] categorical,
                                       double[][] design) {
        double[] importance = new double[features.count()];
        for (int j = 0; j < numeric.length; j++) {
            importance[numeric[j]] = Math.abs(w[j]);
        }
        int offset = numeric.length;
        for (int f : categorical) {
            int size = features.vocabulary(f).size();
            double sum = 0;
            for (double[] row : design) {
                for (int c = 0; c < size; c++) {
                    sum += row[offset + c] * Math.abs(w[offset + c]);
                }
            }
            importance[f] = sum / design.length;
            offset += size;
        }
        return importance;
    }
}
