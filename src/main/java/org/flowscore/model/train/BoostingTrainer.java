package org.flowscore.model.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.flowscore.model.score.BoostingScorer;
import smile.classification.GradientTreeBoost;
import smile.data.formula.Formula;
import smile.math.MathEx;

/**
 * Smile's gradient tree boosting (binomial deviance). Its row subsampling draws from Smile's per-thread
 * random generator on the calling thread, so seeding that generator first makes the fit reproducible.
 */
final class BoostingTrainer implements SupervisedTrainer {
    private final TrainingOptions options;

    BoostingTrainer(TrainingOptions options) {
        this.options = options;
    }

    @Override
    public Fitted fit(TrainingSet set, int[] predictors, int[] rows, int fold) {
        int trees = fold < 0 ? options.trees() : Math.min(options.cvTrees(), options.trees());
        int maxNodes = options.maxNodes() > 0 ? options.maxNodes() : 6;
        var smileOptions = new GradientTreeBoost.Options(trees, options.maxDepth(), maxNodes, options.nodeSize(),
                options.learningRate(), options.subsample(), null, null);
        MathEx.setSeed(SupervisedTrainer.seed(options.seed(), fold));
        GradientTreeBoost model = GradientTreeBoost.fit(Formula.lhs(Frames.LABEL), Frames.of(set, predictors, rows),
                smileOptions);

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("trees", trees);
        parameters.put("maxDepth", options.maxDepth());
        parameters.put("maxNodes", maxNodes);
        parameters.put("nodeSize", options.nodeSize());
        parameters.put("learningRate", options.learningRate());
        parameters.put("subsample", options.subsample());
        parameters.put("seed", options.seed());
        return new Fitted(new BoostingScorer(model, options.learningRate(), set.features),
                BoostingScorer.parts(model, options.learningRate()), parameters, Map.of());
    }
}
