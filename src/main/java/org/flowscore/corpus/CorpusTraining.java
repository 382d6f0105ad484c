package org.flowscore.corpus;

import java.util.Set;
import java.util.function.Consumer;
import org.flowscore.features.LabelledDataset;
import org.flowscore.model.Algorithm;
import org.flowscore.model.ModelBundle;
import org.flowscore.model.ModelException;
import org.flowscore.model.train.ModelTrainer;
import org.flowscore.model.train.TrainingOptions;

/** Trains a random forest on a corpus, as its recipe says: the default model, or one fold of the benchmark. */
public final class CorpusTraining {
    private CorpusTraining() {
    }

    /** The training options of the recipe. */
    public static TrainingOptions options(CorpusRecipe recipe) {
        return options(recipe, recipe.name());
    }

    /** The training options of the recipe, for a model of another name (a site's). */
    public static TrainingOptions options(CorpusRecipe recipe, String modelName) {
        CorpusRecipe.TrainingSettings t = recipe.training();
        TrainingOptions d = TrainingOptions.defaults(Algorithm.RANDOM_FOREST, modelName);
        return new TrainingOptions(Algorithm.RANDOM_FOREST, modelName, t.seed(), t.trees(), t.maxDepth(),
                d.maxNodes(), t.nodeSize(), t.mtry(), d.learningRate(), d.subsample(), t.folds(), t.cvTrees(),
                d.quantile(), d.lambda(), t.fpBudget(), t.exclude());
    }

    /**
     * @param heldOut captures (by name) the model must not see
     * @param progress one line per step
     */
    public static ModelBundle train(Corpus corpus, Set<String> heldOut, Consumer<String> progress)
            throws CorpusException, ModelException {
        LabelledDataset data = corpus.training(heldOut);
        progress.accept(String.format("training on %,d rows of %d captures (%,d attack rows)", data.rows().size(),
                data.captures().size(), data.attacks()));
        return ModelTrainer.train(data, options(corpus.recipe()), corpus.settings(), corpus.extendedSettings(),
                progress);
    }
}
