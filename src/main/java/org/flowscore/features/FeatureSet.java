package org.flowscore.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The features a model reads, in input order. {@link #NSL_KDD} is the 41 columns of the data set, which
 * NSL-KDD models use; {@link #EXTENDED} is the 41 followed by the {@link ExtendedSchema extended features},
 * which models of connection logs use. A model bundle lists its features by name, and that list names its set.
 */
public enum FeatureSet {
    NSL_KDD("nsl-kdd", KddSchema.NAMES),
    EXTENDED("extended", concat(KddSchema.NAMES, ExtendedSchema.NAMES));

    private final String id;
    private final List<String> names;
    private final Map<String, Integer> indexOf = new HashMap<>();

    FeatureSet(String id, List<String> names) {
        this.id = id;
        this.names = names;
        for (int i = 0; i < names.size(); i++) {
            indexOf.put(names.get(i), i);
        }
    }

    /** The name in {@code model.json} and on the command line. */
    public String id() {
        return id;
    }

    public List<String> names() {
        return names;
    }

    public int count() {
        return names.size();
    }

    /** The index of a feature, or -1 when the set has no feature of that name. */
    public int index(String name) {
        Integer i = indexOf.get(name);
        return i == null ? -1 : i;
    }

    public boolean isCategorical(int feature) {
        return feature < KddSchema.COUNT ? KddSchema.isCategorical(feature)
                : ExtendedSchema.isCategorical(feature - KddSchema.COUNT);
    }

    /** The vocabulary of a categorical feature, or null for a numeric one. */
    public List<String> vocabulary(int feature) {
        return feature < KddSchema.COUNT ? KddSchema.vocabulary(feature)
                : ExtendedSchema.vocabulary(feature - KddSchema.COUNT);
    }

    /**
     * True for counts, bytes and durations, whose long tails linear and isolation models see through
     * {@code log1p}; false for rates, shares, dispersions and flags, which are read as they are.
     */
    public boolean isHeavyTailed(int feature) {
        if (feature < KddSchema.COUNT) {
            return !KddSchema.isRate(feature);
        }
        int e = feature - KddSchema.COUNT;
        return switch (e) {
            case ExtendedSchema.ORIG_PKTS, ExtendedSchema.RESP_PKTS, ExtendedSchema.ORIG_IP_BYTES,
                 ExtendedSchema.RESP_IP_BYTES, ExtendedSchema.EXACT_DURATION, ExtendedSchema.SRC_CONNS,
                 ExtendedSchema.SRC_DISTINCT_DSTS, ExtendedSchema.SRC_DISTINCT_PORTS, ExtendedSchema.SRC_PORTS_ON_DST,
                 ExtendedSchema.DST_CONNS, ExtendedSchema.DST_DISTINCT_SRCS, ExtendedSchema.CHAN_CONNS -> true;
            default -> false;
        };
    }

    /** True for rates, shares, dispersions and exact durations; false for counts, bytes and flags. */
    public boolean isFractional(int feature) {
        return feature < KddSchema.COUNT ? KddSchema.isRate(feature)
                : ExtendedSchema.isFractional(feature - KddSchema.COUNT);
    }

    /**
     * A feature value as flowscore prints it (CSV, explanations): a vocabulary name, an integer, a KDD rate
     * with two decimals, or an extended fraction with up to four.
     */
    public String format(int feature, double value) {
        if (isCategorical(feature)) {
            List<String> vocabulary = vocabulary(feature);
            int code = (int) value;
            return code >= 0 && code < vocabulary.size() ? vocabulary.get(code) : Integer.toString(code);
        }
        return append(new StringBuilder(12), feature, value).toString();
    }

    /** Appends what {@link #format} gives, without a string of its own for a number: CSV rows are made of them. */
    public StringBuilder append(StringBuilder to, int feature, double value) {
        if (isCategorical(feature)) {
            return to.append(format(feature, value));
        }
        if (feature < KddSchema.COUNT) {
            return KddFeatures.append(to, feature, value);
        }
        return ExtendedSchema.isFractional(feature - KddSchema.COUNT) ? Decimals.append(to, value, 4)
                : to.append((long) value);
    }

    /** A model's input vector: the 41 values, then the extended ones when the set has them. */
    public double[] vector(KddFeatures kdd, ExtendedFeatures extended) {
        if (this == NSL_KDD) {
            return kdd.values();
        }
        if (extended == null) {
            throw new IllegalStateException("the extended features were not computed for a model that reads them");
        }
        double[] x = new double[count()];
        kdd.copyTo(x);
        extended.copyTo(x, KddSchema.COUNT);
        return x;
    }

    public double[] vector(FeaturedConnection fc) {
        return vector(fc.features(), fc.extended());
    }

    /** The features computed for a connection: the 41, and the extended ones when the extractor made them. */
    public static FeatureSet of(FeaturedConnection fc) {
        return fc.extended() == null ? NSL_KDD : EXTENDED;
    }

    /** The set whose names are exactly {@code names}, in order; null when none is. */
    public static FeatureSet of(List<String> names) {
        for (FeatureSet set : values()) {
            if (set.names.equals(names)) {
                return set;
            }
        }
        return null;
    }

    public static FeatureSet byId(String id) {
        for (FeatureSet set : values()) {
            if (set.id.equals(id)) {
                return set;
            }
        }
        return null;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return Collections.unmodifiableList(all);
    }
}
