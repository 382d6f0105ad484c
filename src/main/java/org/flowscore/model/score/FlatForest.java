package org.flowscore.model.score;

import java.lang.reflect.Field;
import java.util.Arrays;
import smile.classification.RandomForest;
import smile.model.cart.DecisionNode;
import smile.model.cart.InternalNode;
import smile.model.cart.NominalNode;
import smile.model.cart.Node;
import smile.model.cart.OrdinalNode;

/**
 * A Smile random forest flattened into primitive arrays, giving the probability of class 1 that
 * {@code RandomForest.predict(Tuple, double[])} gives (to rounding), about five times faster and without
 * allocating.
 *
 * <p>Smile's forest posterior is the OOB-accuracy-weighted sum of the trees' Laplace-smoothed leaf
 * posteriors, normalised by its L1 norm; the leaf posteriors of a tree sum to 1, so the norm is the sum of
 * the weights and each leaf can hold its class-1 posterior pre-multiplied by its tree's normalised weight.
 *
 * <p>Layout: node {@code i} is {@code node[i] = child << 7 | END? | feature} and {@code split[i]}; the walk
 * goes to {@code child} when {@code x[feature] <= split[i]} and to {@code child + 1} otherwise (children
 * are adjacent). Every split is a {@code <=}: a nominal split {@code x == c} is rewritten as {@code x <= c}
 * then {@code x <= c - 1}, the second test's true side being a copy of the first's false-side root (which
 * shares its children). Categorical values are vocabulary indices, whole numbers, so the two are the same
 * test. A leaf has split +∞ and points at the root of the next tree of its lane: the trees are dealt to 8
 * lanes walked side by side, which keeps the processor busy while each lane waits for its next node, and
 * no lane ever branches on reaching a leaf. The lane ends at a sink node marked {@code END}.
 */
public final class FlatForest {
    private static final int LANES = 8;
    private static final int FEATURE = 63;
    private static final int END = 64;
    private static final int CHILD_SHIFT = 7;
    private static final int MAX_NODES = 1 << 24;
    private static final Field NOMINAL_VALUE = field(NominalNode.class);
    private static final Field ORDINAL_VALUE = field(OrdinalNode.class);

    private final int[] node;
    private final double[] split;
    /** A leaf's class-1 posterior times its tree's normalised weight; 0 on other nodes. */
    private final double[] leaf;
    /** Every node's weighted class-1 posterior from its training counts, for path explanations. */
    private final double[] value;
    private final int[] lanes;
    private final double bias;
    private final int trees;

    private FlatForest(int[] node, double[] split, double[] leaf, double[] value, int[] lanes, double bias,
                       int trees) {
        this.node = node;
        this.split = split;
        this.leaf = leaf;
        this.value = value;
        this.lanes = lanes;
        this.bias = bias;
        this.trees = trees;
    }

    /**
     * Flattens {@code forest}.
     *
     * @param featureOf for each predictor column of the forest's schema, its index among the 41 features
     * @throws IllegalArgumentException when the forest is not a binary one or has more than 2^24 nodes
     */
    public static FlatForest of(RandomForest forest, int[] featureOf) {
        if (forest.numClasses() != 2) {
            throw new IllegalArgumentException("only a two-class forest can be flattened, not " + forest.numClasses());
        }
        RandomForest.Model[] models = forest.models();
        double total = 0;
        for (RandomForest.Model m : models) {
            total += m.weight();
        }
        Builder b = new Builder(featureOf);
        int[] roots = new int[models.length];
        int[][] leaves = new int[models.length][];
        for (int t = 0; t < models.length; t++) {
            double weight = total > 0 ? models[t].weight() / total : 1.0 / models.length;
            roots[t] = b.allocate(1);
            b.leafCount = 0;
            b.fill(roots[t], models[t].tree().root(), weight);
            leaves[t] = Arrays.copyOf(b.leafIds, b.leafCount);
        }
        int sink = b.allocate(1);
        b.node[sink] = sink << CHILD_SHIFT | END;
        b.split[sink] = Double.POSITIVE_INFINITY;
        double bias = 0;
        for (int t = 0; t < models.length; t++) {
            int next = t + LANES < models.length ? roots[t + LANES] : sink;
            for (int id : leaves[t]) {
                b.node[id] = next << CHILD_SHIFT;
            }
            bias += b.value[roots[t]];
        }
        int[] lanes = new int[LANES];
        for (int k = 0; k < LANES; k++) {
            lanes[k] = k < models.length ? roots[k] : sink;
        }
        int n = b.size;
        return new FlatForest(Arrays.copyOf(b.node, n), Arrays.copyOf(b.split, n), Arrays.copyOf(b.leaf, n),
                Arrays.copyOf(b.value, n), lanes, bias, models.length);
    }

    /** The forest's probability of class 1 for the 41 feature values {@code x}. */
    public double score(double[] x) {
        final int[] nd = node;
        final double[] sp = split;
        final double[] lv = leaf;
        int i0 = lanes[0], i1 = lanes[1], i2 = lanes[2], i3 = lanes[3];
        int i4 = lanes[4], i5 = lanes[5], i6 = lanes[6], i7 = lanes[7];
        int n0 = nd[i0], n1 = nd[i1], n2 = nd[i2], n3 = nd[i3];
        int n4 = nd[i4], n5 = nd[i5], n6 = nd[i6], n7 = nd[i7];
        double s0 = 0;
        double s1 = 0;
        while ((n0 & n1 & n2 & n3 & n4 & n5 & n6 & n7 & END) == 0) {
            s0 += lv[i0] + lv[i1] + lv[i2] + lv[i3];
            s1 += lv[i4] + lv[i5] + lv[i6] + lv[i7];
            i0 = (n0 >>> CHILD_SHIFT) + (x[n0 & FEATURE] > sp[i0] ? 1 : 0);
            i1 = (n1 >>> CHILD_SHIFT) + (x[n1 & FEATURE] > sp[i1] ? 1 : 0);
            i2 = (n2 >>> CHILD_SHIFT) + (x[n2 & FEATURE] > sp[i2] ? 1 : 0);
            i3 = (n3 >>> CHILD_SHIFT) + (x[n3 & FEATURE] > sp[i3] ? 1 : 0);
            i4 = (n4 >>> CHILD_SHIFT) + (x[n4 & FEATURE] > sp[i4] ? 1 : 0);
            i5 = (n5 >>> CHILD_SHIFT) + (x[n5 & FEATURE] > sp[i5] ? 1 : 0);
            i6 = (n6 >>> CHILD_SHIFT) + (x[n6 & FEATURE] > sp[i6] ? 1 : 0);
            i7 = (n7 >>> CHILD_SHIFT) + (x[n7 & FEATURE] > sp[i7] ? 1 : 0);
            n0 = nd[i0];
            n1 = nd[i1];
            n2 = nd[i2];
            n3 = nd[i3];
            n4 = nd[i4];
            n5 = nd[i5];
            n6 = nd[i6];
            n7 = nd[i7];
        }
        return s0 + s1;
    }

    /**
     * Saabas path contributions: along each tree's path, the change of the node's weighted class-1 value at
     * each split is credited to the split's feature. {@code bias + Σ contributions = score(x)} (to rounding).
     *
     * @param out receives one contribution per feature (41 values, overwritten)
     * @return the bias: the weighted class-1 value of the roots, the score of a row that explains nothing
     */
    public double contributions(double[] x, double[] out) {
        Arrays.fill(out, 0.0);
        for (int start : lanes) {
            int i = start;
            int n = node[i];
            while ((n & END) == 0) {
                int next = (n >>> CHILD_SHIFT) + (x[n & FEATURE] > split[i] ? 1 : 0);
                if (split[i] != Double.POSITIVE_INFINITY) {
                    out[n & FEATURE] += value[next] - value[i];
                }
                i = next;
                n = node[i];
            }
        }
        return bias;
    }

    public int trees() {
        return trees;
    }

    /** Nodes in the flat arrays (a nominal split takes two, plus a copied node). */
    public int nodes() {
        return node.length;
    }

    private static Field field(Class<?> type) {
        try {
            Field f = type.getDeclaredField("value");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot read " + type.getName() + ".value: this flowscore needs the Smile"
                    + " version it was built with", e);
        }
    }

    /** Growable arrays and the recursive copy of one tree. */
    private static final class Builder {
        final int[] featureOf;
        int[] node = new int[1024];
        double[] split = new double[1024];
        double[] leaf = new double[1024];
        double[] value = new double[1024];
        int size;
        int[] leafIds = new int[64];
        int leafCount;

        Builder(int[] featureOf) {
            for (int f : featureOf) {
                if (f < 0) {
                    throw new IllegalArgumentException("feature index out of range: " + f);
                }
            }
            this.featureOf = featureOf.clone();
        }

        int allocate(int count) {
            int id = size;
            size += count;
            if (size > MAX_NODES) {
                throw new IllegalArgumentException("the forest has more than " + MAX_NODES + " nodes, too many to"
                        + " flatten: train it with fewer trees or a smaller --max-depth");
            }
            if (size > node.length) {
                int capacity = Math.max(size, node.length * 2);
                node = Arrays.copyOf(node, capacity);
                split = Arrays.copyOf(split, capacity);
                leaf = Arrays.copyOf(leaf, capacity);
                value = Arrays.copyOf(value, capacity);
            }
            return id;
        }

        /** Writes {@code tree} at {@code id}, its children after it; returns the subtree's class counts. */
        int[] fill(int id, Node tree, double weight) {
            switch (tree) {
                case DecisionNode d -> {
                    int[] count = d.count();
                    if (count.length != 2) {
                        throw new IllegalArgumentException("leaf with " + count.length + " classes");
                    }
                    split[id] = Double.POSITIVE_INFINITY;
                    leaf[id] = weight * (count[1] + 1.0) / (count[0] + count[1] + 2.0);
                    value[id] = leaf[id];
                    addLeaf(id);
                    return count;
                }
                case OrdinalNode o -> {
                    int children = allocate(2);
                    node[id] = children << CHILD_SHIFT | featureOf[o.feature()];
                    split[id] = get(ORDINAL_VALUE, o);
                    int[] t = fill(children, o.trueChild(), weight);
                    int[] f = fill(children + 1, o.falseChild(), weight);
                    return internal(id, t, f, weight);
                }
                case NominalNode c -> {
                    int code = (int) get(NOMINAL_VALUE, c);
                    int feature = featureOf[c.feature()];
                    int first = allocate(2);
                    node[id] = first << CHILD_SHIFT | feature;
                    split[id] = code;
                    int[] f = fill(first + 1, c.falseChild(), weight);
                    int second = allocate(2);
                    node[first] = second << CHILD_SHIFT | feature;
                    split[first] = code - 1;
                    copy(first + 1, second);
                    int[] t = fill(second + 1, c.trueChild(), weight);
                    int[] counts = internal(id, t, f, weight);
                    value[first] = value[id];
                    return counts;
                }
                case InternalNode other -> throw new IllegalArgumentException("unknown split " + other.getClass());
                default -> throw new IllegalArgumentException("not a classification tree node: " + tree.getClass());
            }
        }

        private int[] internal(int id, int[] t, int[] f, double weight) {
            int[] counts = {t[0] + f[0], t[1] + f[1]};
            value[id] = weight * (counts[1] + 1.0) / (counts[0] + counts[1] + 2.0);
            return counts;
        }

        private void copy(int from, int to) {
            node[to] = node[from];
            split[to] = split[from];
            leaf[to] = leaf[from];
            value[to] = value[from];
            if (split[from] == Double.POSITIVE_INFINITY) {
                addLeaf(to);
            }
        }

        private void addLeaf(int id) {
            if (leafCount == leafIds.length) {
                leafIds = Arrays.copyOf(leafIds, leafCount * 2);
            }
            leafIds[leafCount++] = id;
        }

        private static double get(Field f, InternalNode n) {
            try {
                return f.getType() == int.class ? f.getInt(n) : f.getDouble(n);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot read the split value of " + n.getClass().getName(), e);
            }
        }
    }
}
