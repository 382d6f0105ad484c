package org.flowscore.model.train;

import org.flowscore.model.Algorithm;

/**
 * How to train a model. Each algorithm reads the settings it has and ignores the rest; {@link #defaults}
 * gives every algorithm's defaults.
 *
 * @param algorithm    what to train
 * @param name         the model's name ({@code flowscore.model.name})
 * @param seed         seed of every random choice (bootstrap samples, fold assignment): the same data,
 *                     options and seed give the same model
 * @param trees        trees of a random forest, boosting rounds of gradient boosting, trees of an isolation
 *                     forest
 * @param maxDepth     maximum tree depth (isolation forest: 0 for log2 of its sample size)
 * @param maxNodes     maximum leaves per tree (random forest: 0 for a fifth of the rows)
 * @param nodeSize     minimum rows in a leaf
 * @param mtry         features tried at each random-forest split (0 for the square root of their number)
 * @param learningRate gradient boosting's shrinkage
 * @param subsample    share of the rows each tree sees (random forest: 1 samples with replacement)
 * @param folds        cross-validation folds for the threshold of a supervised model
 * @param cvTrees      trees (random forest) or rounds (gradient boosting) of the cross-validation models;
 *                     the final model has {@code trees}
 * @param quantile     isolation forest: the threshold is this quantile of the training rows' scores
 * @param lambda       logistic regression's L2 penalty
 * @param fpBudget     supervised training on several captures: the share of held-out normal rows the threshold
 *                     may flag (pooled; each capture at most three times as many)
 * @param excluded     features the model must not read (by name), whatever the data says
 */
public record TrainingOptions(Algorithm algorithm, String name, long seed, int trees, int maxDepth, int maxNodes,
                              int nodeSize, int mtry, double learningRate, double subsample, int folds, int cvTrees,
                              double quantile, double lambda, double fpBudget, java.util.List<String> excluded) {

    public static final long DEFAULT_SEED = 42;
    /** Half a percent of normal flows: on a site with 20,000 connections a day, a hundred alerts at most. */
    public static final double DEFAULT_FP_BUDGET = 0.005;
    /** Rows each isolation tree is grown on (Liu et al.'s ψ). */
    public static final int ISOLATION_SAMPLE = 256;

    public TrainingOptions {
        require(algorithm != null, "an algorithm is needed");
        require(maxNodes == 0 || maxNodes >= 2, "the maximum leaves per tree must be 0 (automatic) or at least 2, got "
                + maxNodes);
        require(name != null && !name.isBlank(), "the model needs a name");
        require(trees >= 1, "--trees must be at least 1, got " + trees);
        boolean isolation = algorithm == Algorithm.ISOLATION_FOREST;
        require(isolation ? maxDepth >= 0 : maxDepth >= 2, "--max-depth must be at least 2"
                + (isolation ? " (or 0 for automatic)" : "") + ", got " + maxDepth);
        require(nodeSize >= 1, "--node-size must be at least 1, got " + nodeSize);
        require(mtry >= 0, "--mtry must be 0 (square root of the features) or more, got " + mtry);
        require(learningRate > 0 && learningRate <= 1, "--learning-rate must be in (0, 1], got " + learningRate);
        require(subsample > 0 && subsample <= 1, "the subsample must be in (0, 1], got " + subsample);
        require(folds >= 2, "--folds must be at least 2, got " + folds);
        require(cvTrees >= 1, "--cv-trees must be at least 1, got " + cvTrees);
        require(quantile > 0 && quantile < 1, "--quantile must be between 0 and 1 (exclusive), got " + quantile);
        require(lambda >= 0, "--lambda must be 0 or more, got " + lambda);
        require(fpBudget > 0 && fpBudget < 1, "--fp-budget must be between 0 and 1 (exclusive), got " + fpBudget);
        excluded = excluded == null ? java.util.List.of() : java.util.List.copyOf(excluded);
    }

    /** The defaults of {@code algorithm}. */
    public static TrainingOptions defaults(Algorithm algorithm, String name) {
        return switch (algorithm) {
            case RANDOM_FOREST -> new TrainingOptions(algorithm, name, DEFAULT_SEED, 100, 20, 0, 5, 0, 0.1, 1.0, 5,
                    50, 0.99, 0.1, DEFAULT_FP_BUDGET, null);
            case GRADIENT_BOOSTING -> new TrainingOptions(algorithm, name, DEFAULT_SEED, 100, 20, 6, 5, 0, 0.1, 0.7,
                    5, 100, 0.99, 0.1, DEFAULT_FP_BUDGET, null);
            case LOGISTIC -> new TrainingOptions(algorithm, name, DEFAULT_SEED, 100, 20, 0, 5, 0, 0.1, 1.0, 5, 100,
                    0.99, 0.1, DEFAULT_FP_BUDGET, null);
            case ISOLATION_FOREST -> new TrainingOptions(algorithm, name, DEFAULT_SEED, 100, 0, 0, 1, 0, 0.1, 1.0,
                    5, 100, 0.99, 0.1, DEFAULT_FP_BUDGET, null);
        };
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
