package org.flowscore.model.train;

/** Fits a supervised model on some rows of a training set. */
interface SupervisedTrainer {
    /**
     * @param predictors the features the model uses (those that vary on the whole training set)
     * @param rows       the rows to fit on
     * @param fold       the cross-validation fold held out, or -1 for the final model
     */
    Fitted fit(TrainingSet set, int[] predictors, int[] rows, int fold);

    /** The seed of a fold's model: the final model's seed for fold -1, a different one for each fold. */
    static long seed(long seed, int fold) {
        return fold < 0 ? seed : seed + 1_000_003L * (fold + 1);
    }
}
