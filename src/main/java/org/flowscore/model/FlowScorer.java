package org.flowscore.model;

import java.util.List;
import java.util.function.Consumer;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.FeaturedConnection;
import org.flowscore.model.score.Contribution;

/**
 * Applies a model to featured connections. Explanations are computed only for flows at or above the
 * threshold: they are what an analyst opens, and they cost more than the score.
 */
public final class FlowScorer implements Consumer<FeaturedConnection> {
    public static final int EXPLAINED_FEATURES = 3;

    private final Model model;
    private final FeatureSet featureSet;
    private final double threshold;
    private final Consumer<ScoredFlow> downstream;
    private long scored;
    private long attacks;

    /** @param threshold the decision threshold, the model's own unless the user overrides it */
    public FlowScorer(Model model, double threshold, Consumer<ScoredFlow> downstream) {
        this.model = model;
        this.featureSet = model.featureSet();
        this.threshold = threshold;
        this.downstream = downstream;
    }

    @Override
    public void accept(FeaturedConnection fc) {
        FeatureSet computed = FeatureSet.of(fc);
        double[] values = computed.vector(fc);
        double[] x = computed == featureSet ? values : featureSet.vector(fc);
        double score = model.scorer().score(x);
        boolean attack = score >= threshold;
        List<Contribution> why = attack ? model.scorer().explain(x, EXPLAINED_FEATURES) : List.of();
        scored++;
        if (attack) {
            attacks++;
        }
        downstream.accept(new ScoredFlow(fc, score, attack, why, values));
    }

    public long scored() {
        return scored;
    }

    public long attacks() {
        return attacks;
    }

    public double threshold() {
        return threshold;
    }

    public Model model() {
        return model;
    }
}
