package org.flowscore.model.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.flowscore.model.score.ForestScorer;
import org.flowscore.model.score.ScorerParts;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.model.cart.SplitRule;
import smile.util.IntSet;
import smile.validation.ClassificationMetrics;

/**
 * Smile's random forest with Gini splits and equal class weights. Every tree gets its own seed, drawn from
 * {@code new Random(seed)}, so the parallel fit gives the same forest on every run.
 */
final class RandomForestTrainer implements SupervisedTrainer {
    private final TrainingOptions options;

    RandomForestTrainer(TrainingOptions options) {
        this.options = options;
    }

    @Override
    public Fitted fit(TrainingSet set, int[] predictors, int[] rows, int fold) {
        if (options.mtry() > predictors.length) {
            throw new IllegalArgumentException("--mtry " + options.mtry() + " is more than the " + predictors.length
                    + " features that vary in the training data");
        }
        int trees = fold < 0 ? options.trees() : Math.min(options.cvTrees(), options.trees());
        long[] seeds = new long[trees];
        Random random = new Random(SupervisedTrainer.seed(options.seed(), fold));
        for (int t = 0; t < trees; t++) {
            seeds[t] = random.nextLong();
        }
        int mtry = options.mtry() > 0 ? options.mtry() : (int) Math.sqrt(predictors.length);
        int maxNodes = options.maxNodes() > 0 ? options.maxNodes() : Math.max(2, rows.length / 5);
        var smileOptions = new RandomForest.Options(trees, mtry, SplitRule.GINI, options.maxDepth(), maxNodes,
                options.nodeSize(), options.subsample(), new int[] {1, 1}, seeds, null);
        DataFrame frame = Frames.of(set, predictors, rows);
        RandomForest forest = withoutTimings(RandomForest.fit(Formula.lhs(Frames.LABEL), frame, smileOptions));

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("trees", trees);
        parameters.put("mtry", mtry);
        parameters.put("splitRule", "gini");
        parameters.put("maxDepth", options.maxDepth());
        parameters.put("maxNodes", maxNodes);
        parameters.put("nodeSize", options.nodeSize());
        parameters.put("subsample", options.subsample());
        parameters.put("classWeight", "1:1");
        parameters.put("seed", options.seed());
        return new Fitted(new ForestScorer(forest, set.features), Map.of(ScorerParts.MODEL, forest), parameters,
                Map.of("oobAccuracy", forest.metrics().accuracy()));
    }

    /**
     * The same forest with its fit and scoring times zeroed: Smile stores them in the model, and they would
     * make two identical trainings serialise differently.
     */
    private static RandomForest withoutTimings(RandomForest forest) {
        RandomForest.Model[] models = forest.models();
        RandomForest.Model[] timeless = new RandomForest.Model[models.length];
        for (int t = 0; t < models.length; t++) {
            timeless[t] = new RandomForest.Model(models[t].tree(), withoutTimings(models[t].metrics()),
                    models[t].weight());
        }
        return new RandomForest(forest.formula(), forest.numClasses(), timeless, withoutTimings(forest.metrics()),
                forest.importance(), new IntSet(forest.classes()));
    }

    private static ClassificationMetrics withoutTimings(ClassificationMetrics m) {
        return new ClassificationMetrics(0, 0, m.size(), m.error(), m.accuracy(), m.sensitivity(),
                m.specificity(), m.precision(), m.f1(), m.mcc(), m.auc(), m.logloss(), m.crossEntropy());
    }
}
