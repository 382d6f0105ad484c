package org.flowscore.model.train;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import org.flowscore.model.score.Encoding;
import org.flowscore.model.score.IsolationScorer;
import smile.anomaly.IsolationForest;
import smile.math.MathEx;

/**
 * Smile's isolation forest on normal traffic (the site's own unlabelled logs, or the normal rows of labelled
 * data), each tree grown on {@value TrainingOptions#ISOLATION_SAMPLE} rows as in Liu et al. The threshold
 * is a quantile of the training rows' scores: at the default 0.99, one training row in a hundred is
 * flagged.
 *
 * <p>Smile grows the trees in parallel from a per-thread random generator, so the fit runs as one task on
 * a private single-thread pool whose thread is seeded first: the same rows and seed give the same forest.
 */
final class IsolationTrainer {
    private static final int SAMPLE_POINTS = 1024;

    /** The fitted model and its threshold. */
    record Result(Fitted fitted, double threshold, String thresholdRule) {
    }

    private final TrainingOptions options;

    IsolationTrainer(TrainingOptions options) {
        this.options = options;
    }

    /** Fits on {@code rows} (normal traffic); {@code check} are labelled rows to measure, or empty. */
    Result fit(TrainingSet set, int[] rows, int[] check) {
        int[] predictors = set.predictorsOn(rows);
        if (predictors.length == 0) {
            throw new IllegalArgumentException("every feature has the same value on all training rows: there is"
                    + " nothing to learn");
        }
        double[][] frequency = new double[predictors.length][];
        for (int j = 0; j < predictors.length; j++) {
            int f = predictors[j];
            if (set.features.isCategorical(f)) {
                frequency[j] = new double[set.features.vocabulary(f).size()];
                for (int i : rows) {
                    frequency[j][(int) set.x[i][f]] += 1.0 / rows.length;
                }
            }
        }
        double[][] z = new double[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            z[k] = IsolationScorer.encode(set.features, set.x[rows[k]], predictors, frequency);
        }
        double subsample = Math.min(1.0, TrainingOptions.ISOLATION_SAMPLE / (double) rows.length);
        int sampleRows = Math.max(2, (int) Math.round(rows.length * subsample));
        int depth = options.maxDepth() > 0 ? options.maxDepth() : (int) MathEx.log2(sampleRows);
        IsolationForest forest = fitSeeded(z, new IsolationForest.Options(options.trees(), depth, subsample, 0));

        double[] raw = forest.score(z);
        double[] trainingScores = raw.clone();
        Arrays.sort(trainingScores);
        double[] relative = new double[raw.length];
        for (int k = 0; k < raw.length; k++) {
            relative[k] = IsolationScorer.relative(raw[k], trainingScores);
        }
        double[] sortedRelative = relative.clone();
        Arrays.sort(sortedRelative);
        double threshold = sortedRelative[Math.min(raw.length - 1, (int) Math.floor(options.quantile() * raw.length))];

        double[][] sample = new double[predictors.length][];
        for (int j = 0; j < predictors.length; j++) {
            double[] column = new double[z.length];
            for (int k = 0; k < z.length; k++) {
                column[k] = z[k][j];
            }
            sample[j] = Encoding.quantileSample(column, SAMPLE_POINTS);
        }
        int count = set.features.count();
        double[] noImportance = new double[count];
        IsolationScorer draft = new IsolationScorer(forest, set.features, predictors, frequency, trainingScores,
                sample, noImportance);
        double[] importance = new double[count];
        int flagged = 0;
        for (int k = 0; k < rows.length; k++) {
            if (relative[k] >= threshold) {
                flagged++;
                double[] rarity = draft.rarities(set.x[rows[k]]);
                for (int f = 0; f < count; f++) {
                    importance[f] += rarity[f];
                }
            }
        }
        for (int f = 0; f < count; f++) {
            importance[f] /= Math.max(1, flagged);
        }
        IsolationScorer scorer = new IsolationScorer(forest, set.features, predictors, frequency, trainingScores,
                sample, importance);

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("trees", options.trees());
        parameters.put("maxDepth", depth);
        parameters.put("sampleRows", sampleRows);
        parameters.put("quantile", options.quantile());
        parameters.put("seed", options.seed());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("trainingFlaggedRate", flagged / (double) rows.length);
        if (check.length > 0) {
            double[] score = new double[check.length];
            for (int k = 0; k < check.length; k++) {
                score[k] = scorer.score(set.x[check[k]]);
            }
            metrics.putAll(Metrics.summary("labelled", set.labels(check), score, threshold));
        }
        String rule = String.format("the %s quantile of the %,d training rows' scores: at or above it a flow is more"
                + " unusual than that share of the training traffic", options.quantile(), rows.length);
        return new Result(new Fitted(scorer, scorer.parts(), parameters, metrics), threshold, rule);
    }

    private IsolationForest fitSeeded(double[][] z, IsolationForest.Options smileOptions) {
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            return pool.submit(() -> {
                MathEx.setSeed(options.seed());
                return IsolationForest.fit(z, smileOptions);
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fitting the isolation forest", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("fitting the isolation forest failed", e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
