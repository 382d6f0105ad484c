package org.flowscore.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The models shipped inside flowscore, chosen by name wherever a model is asked for ({@code --model nsl-kdd});
 * anything else there is a path to a bundle.
 */
public enum BuiltInModel {
    /** The model for connection logs: trained on real labelled captures with attacks injected into them. */
    DEFAULT("default", "models/flowscore-default.zip"),
    /** The random forest of NSL-KDD, for its data set and for comparison; 1998 lab traffic. */
    NSL_KDD("nsl-kdd", "models/nsl-kdd-random-forest.zip");

    private final String id;
    private final String resource;

    BuiltInModel(String id, String resource) {
        this.id = id;
        this.resource = resource;
    }

    /** The name users type after {@code --model}. */
    public String id() {
        return id;
    }

    /** Its path on the classpath and under the top of the source tree. */
    public String resource() {
        return resource;
    }

    /** The built-in model of that name, or null. */
    public static BuiltInModel byId(String name) {
        for (BuiltInModel m : values()) {
            if (m.id.equals(name.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        return null;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(BuiltInModel::id).toList();
    }
}
