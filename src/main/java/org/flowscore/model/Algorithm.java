package org.flowscore.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The model algorithms flowscore trains and scores, by their {@code model.json} names. */
public enum Algorithm {
    RANDOM_FOREST("random-forest", true),
    GRADIENT_BOOSTING("gradient-boosting", true),
    LOGISTIC("logistic", true),
    ISOLATION_FOREST("isolation-forest", false);

    private final String id;
    private final boolean supervised;

    Algorithm(String id, boolean supervised) {
        this.id = id;
        this.supervised = supervised;
    }

    /** The name in {@code model.json} and on the command line. */
    public String id() {
        return id;
    }

    /** True when the algorithm learns from labelled normal and attack rows. */
    public boolean supervised() {
        return supervised;
    }

    /** The algorithm named {@code id}, or null. */
    public static Algorithm byId(String id) {
        for (Algorithm a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        return null;
    }

    /** The names, for messages: {@code random-forest, gradient-boosting, logistic, isolation-forest}. */
    public static String names() {
        return Arrays.stream(values()).map(Algorithm::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
