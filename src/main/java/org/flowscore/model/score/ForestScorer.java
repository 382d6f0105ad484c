package org.flowscore.model.score;

import java.util.List;
import org.flowscore.features.FeatureSet;
import smile.classification.RandomForest;

/**
 * Scores with a random forest through its {@link FlatForest}: the score is the forest's probability of
 * attack. Explanations are Saabas path contributions (change of the attack probability at each split of
 * each tree, weighted like the trees); importance is Smile's impurity decrease per feature.
 */
public final class ForestScorer implements Scorer {
    private final FlatForest forest;
    private final FeatureSet set;
    private final double[] importance;

    public ForestScorer(RandomForest forest, FeatureSet set) {
        int[] featureOf = ScorerParts.featuresOf(forest.schema(), set);
        this.forest = FlatForest.of(forest, featureOf);
        this.set = set;
        this.importance = Explanations.perFeature(set, forest.importance(), featureOf);
    }

    @Override
    public double score(double[] features) {
        return Math.min(1.0, forest.score(features));
    }

    @Override
    public List<Contribution> explain(double[] features, int top) {
        double[] contribution = new double[set.count()];
        forest.contributions(features, contribution);
        return Explanations.top(set, contribution, features, top);
    }

    @Override
    public double[] importance() {
        return importance.clone();
    }

    public FlatForest forest() {
        return forest;
    }
}
