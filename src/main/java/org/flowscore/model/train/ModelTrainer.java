package org.flowscore.model.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.flowscore.features.ExtendedSettings;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.FeatureSettings;
import org.flowscore.features.LabelledDataset;
import org.flowscore.model.Algorithm;
import org.flowscore.model.ModelBundle;
import org.flowscore.model.ModelException;
import org.flowscore.model.ModelInfo;

/**
 * Trains a model bundle from a data set.
 *
 * <p>A supervised model (random forest, gradient boosting, logistic regression) takes its threshold from
 * {@link CrossValidation cross-validation} on the training data, scored by {@link Threshold}: with several
 * captures of normal traffic the folds hold whole captures out and the threshold keeps to the false-positive
 * budget; otherwise they hold attack types out and the threshold balances the error rates. Its training
 * metrics are those of the out-of-fold scores at that threshold. The final model is then fitted on all rows.
 * An isolation forest learns the normal rows only and takes a quantile of their scores as its threshold.
 * Features that are constant on the training rows are left out of the model and listed in
 * {@code constantFeatures}.
 */
public final class ModelTrainer {
    private ModelTrainer() {
    }

    /**
     * @param data     the training rows
     * @param options  algorithm and settings
     * @param settings the feature settings the rows were computed with, recorded in {@code model.json}
     * @param extended the extended features' settings when the rows have them, recorded likewise; else null
     * @param progress receives one line per step (loading is the caller's), for stderr
     * @throws ModelException when the data cannot train this algorithm, with what to do instead
     */
    public static ModelBundle train(LabelledDataset data, TrainingOptions options, FeatureSettings settings,
                                    ExtendedSettings extended, Consumer<String> progress) throws ModelException {
        if (data.rows().isEmpty()) {
            throw new ModelException("the training data has no rows");
        }
        TrainingSet set = TrainingSet.of(data);
        Recorded recorded = new Recorded(settings, data.featureSet() == FeatureSet.EXTENDED ? extended : null);
        try {
            return options.algorithm().supervised()
                    ? supervised(data, set, options, recorded, progress).bundle()
                    : isolation(data, set, options, recorded, progress);
        } catch (IllegalArgumentException e) {
            throw new ModelException("cannot train " + options.algorithm() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A supervised model and the out-of-fold scores its threshold was chosen on.
     *
     * @param outOfFold each row's score (in the order of the data's rows) from the cross-validation model that
     *                  held the row's fold out
     */
    public record CrossValidated(ModelBundle bundle, double[] outOfFold) {
    }

    /**
     * Trains a supervised model as {@link #train} does and keeps the out-of-fold scores, for a caller that sets
     * a threshold of its own on rows the final model has seen (a site's history).
     *
     * @throws ModelException also when {@code options} name an unsupervised algorithm
     */
    public static CrossValidated trainCrossValidated(LabelledDataset data, TrainingOptions options,
                                                     FeatureSettings settings, ExtendedSettings extended,
                                                     Consumer<String> progress) throws ModelException {
        if (!options.algorithm().supervised()) {
            throw new ModelException(options.algorithm() + " has no cross-validation: it learns normal traffic only");
        }
        if (data.rows().isEmpty()) {
            throw new ModelException("the training data has no rows");
        }
        Recorded recorded = new Recorded(settings, data.featureSet() == FeatureSet.EXTENDED ? extended : null);
        try {
            return supervised(data, TrainingSet.of(data), options, recorded, progress);
        } catch (IllegalArgumentException e) {
            throw new ModelException("cannot train " + options.algorithm() + ": " + e.getMessage(), e);
        }
    }

    /** The feature settings the model records. */
    private record Recorded(FeatureSettings settings, ExtendedSettings extended) {
    }

    private static CrossValidated supervised(LabelledDataset data, TrainingSet set, TrainingOptions options,
                                             Recorded recorded, Consumer<String> progress) throws ModelException {
        Algorithm algorithm = options.algorithm();
        if (!data.labelled()) {
            throw new ModelException(algorithm + " learns from labelled rows, and these logs carry no labels: give"
                    + " labelled data (NSL-KDD files, or logs with IoT-23 or Stratosphere label columns), or train"
                    + " --algorithm isolation-forest, which learns normal traffic from unlabelled logs");
        }
        int attacks = set.attacks();
        int normals = set.size() - attacks;
        if (attacks < 2 || normals < 2) {
            throw new ModelException(algorithm + " needs at least 2 attack rows and 2 normal rows to choose its"
                    + " threshold; the data has " + attacks + " attack and " + normals + " normal rows"
                    + (attacks < 2 ? ". To learn normal traffic alone, train --algorithm isolation-forest" : ""));
        }
        SupervisedTrainer trainer = switch (algorithm) {
            case RANDOM_FOREST -> new RandomForestTrainer(options);
            case GRADIENT_BOOSTING -> new BoostingTrainer(options);
            case LOGISTIC -> new LogisticTrainer(options);
            case ISOLATION_FOREST -> throw new IllegalStateException("not supervised");
        };
        int[] all = set.all();
        List<Integer> constant = set.constantOn(all);
        int[] predictors = withoutExcluded(set, set.predictorsOn(all), options);

        boolean byCapture = set.capturesWithNormalRows() >= 2;
        CrossValidation.Plan plan = byCapture ? CrossValidation.planByCapture(set, options.folds())
                : CrossValidation.plan(set, options.folds(), options.seed());
        progress.accept("cross-validation for the threshold: " + plan.describe());
        double[] oof = CrossValidation.outOfFold(set, plan, (rows, fold) -> trainer.fit(set, predictors, rows, fold)
                .scorer(), progress);
        double threshold = byCapture
                ? Threshold.forBudget(set.y, set.capture, set.captureNames.size(), oof, options.fpBudget())
                : Threshold.choose(set.y, set.label, oof);
        if (byCapture) {
            progress.accept("threshold " + threshold + "; held-out normal flows it flags: "
                    + flaggedPerCapture(set, oof, threshold));
        }
        Map<String, Double> metrics = new LinkedHashMap<>(Metrics.summary("oof", set.y, oof, threshold));

        long start = System.nanoTime();
        Fitted model = trainer.fit(set, predictors, all, -1);
        progress.accept(String.format("final fit on all %,d rows in %.1f s", set.size(),
                (System.nanoTime() - start) / 1e9));
        metrics.putAll(model.metrics());
        Map<String, Object> parameters = new LinkedHashMap<>(model.parameters());
        parameters.put("folds", plan.folds());
        if (!options.excluded().isEmpty()) {
            parameters.put("excludedFeatures", options.excluded());
        }
        if (algorithm != Algorithm.LOGISTIC) {
            parameters.put("cvTrees", Math.min(options.cvTrees(), options.trees()));
        }
        String rule = (byCapture ? Threshold.budgetCriterion(options.fpBudget()) : Threshold.CRITERION)
                + ", on the out-of-fold scores of " + plan.describe() + " on the training data";
        return new CrossValidated(bundle(data, options, recorded, threshold, rule, set.size(), attacks, constant,
                parameters, metrics, model), oof);
    }

    /** Each capture's out-of-fold normal rows flagged at {@code threshold}, as "name share (n of m)". */
    private static String flaggedPerCapture(TrainingSet set, double[] oof, double threshold) {
        int captures = set.captureNames.size();
        int[] normals = new int[captures];
        int[] flagged = new int[captures];
        for (int i = 0; i < set.size(); i++) {
            if (set.y[i] == 0) {
                normals[set.capture[i]]++;
                flagged[set.capture[i]] += oof[i] >= threshold ? 1 : 0;
            }
        }
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < captures; c++) {
            if (normals[c] > 0) {
                parts.add(String.format("%s %.2f %% (%d of %d)", set.captureNames.get(c),
                        100.0 * flagged[c] / normals[c], flagged[c], normals[c]));
            }
        }
        return String.join(", ", parts);
    }

    /** The predictors minus the features the options exclude; an unknown name is an error naming it. */
    private static int[] withoutExcluded(TrainingSet set, int[] predictors, TrainingOptions options)
            throws ModelException {
        java.util.Set<Integer> excluded = new java.util.HashSet<>();
        for (String name : options.excluded()) {
            int f = set.features.index(name);
            if (f < 0) {
                throw new ModelException("cannot exclude '" + name + "': the " + set.features.id()
                        + " feature set has no feature of that name");
            }
            excluded.add(f);
        }
        return java.util.Arrays.stream(predictors).filter(f -> !excluded.contains(f)).toArray();
    }

    private static ModelBundle isolation(LabelledDataset data, TrainingSet set, TrainingOptions options,
                                         Recorded recorded, Consumer<String> progress) throws ModelException {
        int[] normal = set.normalRows();
        if (normal.length < 2) {
            throw new ModelException("isolation-forest learns normal traffic, and the data has " + normal.length
                    + " normal rows: give logs of ordinary traffic, or the normal rows of a labelled data set");
        }
        int[] check = set.attacks() > 0 ? set.all() : new int[0];
        long start = System.nanoTime();
        IsolationTrainer.Result result = new IsolationTrainer(options).fit(set, normal, check);
        progress.accept(String.format("fit on %,d normal rows in %.1f s", normal.length,
                (System.nanoTime() - start) / 1e9));
        return bundle(data, options, recorded, result.threshold(), result.thresholdRule(), normal.length, 0,
                set.constantOn(normal), result.fitted().parameters(), result.fitted().metrics(), result.fitted());
    }

    private static ModelBundle bundle(LabelledDataset data, TrainingOptions options, Recorded recorded,
                                      double threshold, String rule, long rows, long attacks, List<Integer> constant,
                                      Map<String, Object> parameters, Map<String, Double> metrics, Fitted model)
            throws ModelException {
        FeatureSet set = data.featureSet();
        Map<String, List<String>> encodings = new TreeMap<>();
        for (int f = 0; f < set.count(); f++) {
            if (set.isCategorical(f)) {
                encodings.put(set.names().get(f), set.vocabulary(f));
            }
        }
        List<String> constantNames = new ArrayList<>();
        for (int f : constant) {
            constantNames.add(set.names().get(f));
        }
        Map<String, Double> definedMetrics = new TreeMap<>();
        metrics.forEach((k, v) -> {
            if (v != null && Double.isFinite(v)) {
                definedMetrics.put(k, v);
            }
        });
        ModelInfo info = new ModelInfo(ModelBundle.FORMAT_VERSION, options.name(), null, options.algorithm().id(),
                ModelInfo.currentSmileVersion(), ModelInfo.currentFlowscoreVersion(), set.names(), encodings,
                recorded.settings(), threshold, rule, data.sha256(), data.sources(), rows, attacks,
                List.copyOf(constantNames), new TreeMap<>(parameters), definedMetrics, recorded.extended(), null,
                null);
        return ModelBundle.create(info, model.parts());
    }
}
