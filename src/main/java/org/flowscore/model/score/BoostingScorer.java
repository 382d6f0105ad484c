package org.flowscore.model.score;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.flowscore.features.FeatureSet;
import smile.classification.GradientTreeBoost;
import smile.data.Tuple;
import smile.data.type.StructType;
import smile.model.cart.InternalNode;
import smile.model.cart.LeafNode;
import smile.model.cart.Node;
import smile.model.cart.RegressionNode;
import smile.regression.RegressionTree;

/**
 * Scores with Smile's gradient tree boosting: the score is its probability of attack,
 * {@code 1 / (1 + exp(-2F))} for the boosted sum {@code F}. Explanations are Saabas path contributions in
 * log-odds of attack: along each tree's path, the change of the node value (a leaf's output, an inner node's
 * size-weighted mean of its leaves' outputs) at each split, times the learning rate and 2, is credited to the
 * split's feature. (Smile's own TreeSHAP for boosting uses the leaves' residual means rather than their
 * outputs, so its values do not add up to the score.)
 */
public final class BoostingScorer implements Scorer {
    /** The part holding the learning rate (Smile's model does not expose it). */
    public static final String SHRINKAGE = "shrinkage";

    private final GradientTreeBoost model;
    private final StructType schema;
    private final int[] featureOf;
    private final FeatureSet set;
    private final double shrinkage;
    private final double[] importance;
    /** Each node's value, read-only once built. */
    private final Map<Node, Double> value = new IdentityHashMap<>();

    public BoostingScorer(GradientTreeBoost model, double shrinkage, FeatureSet set) {
        if (model.numClasses() != 2) {
            throw new IllegalArgumentException("a two-class model is needed, not " + model.numClasses());
        }
        this.model = model;
        this.schema = model.schema();
        // Binding Smile's formula to this schema now means predict() only ever reads the binding, so
        // threads scoring at once never race to replace it.
        model.formula().bind(schema);
        this.featureOf = ScorerParts.featuresOf(schema, set);
        this.set = set;
        this.shrinkage = shrinkage;
        this.importance = Explanations.perFeature(set, model.importance(), featureOf);
        for (RegressionTree tree : model.trees()[0]) {
            weightedOutput(tree.root());
        }
    }

    /** The {@code model.ser} parts of a trained model. */
    public static Map<String, Object> parts(GradientTreeBoost model, double shrinkage) {
        return Map.of(ScorerParts.MODEL, model, SHRINKAGE, shrinkage);
    }

    @Override
    public double score(double[] features) {
        double[] posteriori = new double[2];
        model.predict(tuple(features), posteriori);
        return posteriori[1];
    }

    @Override
    public List<Contribution> explain(double[] features, int top) {
        return Explanations.top(set, contributions(features), features, top);
    }

    /**
     * Each feature's Saabas contribution in log-odds of attack. Over any two rows, the difference of the
     * contributions' sums is the difference of their log-odds.
     */
    public double[] contributions(double[] features) {
        Tuple x = tuple(features);
        double[] contribution = new double[set.count()];
        for (RegressionTree tree : model.trees()[0]) {
            Node node = tree.root();
            while (node instanceof InternalNode split) {
                Node next = split.branch(x) ? split.trueChild() : split.falseChild();
                contribution[featureOf[split.feature()]] += 2 * shrinkage * (value.get(next) - value.get(node));
                node = next;
            }
        }
        return contribution;
    }

    @Override
    public double[] importance() {
        return importance.clone();
    }

    /** Records the value of every node below {@code node}; returns {@code node}'s size times its value. */
    private double weightedOutput(Node node) {
        double weighted = switch (node) {
            case RegressionNode leaf -> leaf.size() * leaf.output();
            case InternalNode split -> weightedOutput(split.trueChild()) + weightedOutput(split.falseChild());
            case LeafNode other -> throw new IllegalArgumentException("not a regression leaf: " + other.getClass());
            default -> throw new IllegalArgumentException("unknown tree node " + node.getClass());
        };
        value.put(node, node.size() > 0 ? weighted / node.size() : 0.0);
        return weighted;
    }

    /** The predictor columns as a Smile tuple; one schema instance, so Smile binds its formula once. */
    private Tuple tuple(double[] features) {
        double[] row = new double[featureOf.length];
        for (int j = 0; j < row.length; j++) {
            row[j] = features[featureOf[j]];
        }
        return Tuple.of(schema, row);
    }
}
