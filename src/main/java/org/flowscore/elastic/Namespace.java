package org.flowscore.elastic;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The namespace part of {@code logs-flowscore.flow-<namespace>}: Elastic's data-stream naming scheme
 * allows lower case only, no {@code -} (it separates the parts of the name), none of the characters an
 * index name cannot hold, and at most 100 bytes.
 */
public final class Namespace {
    public static final String DEFAULT = "default";
    private static final String FORBIDDEN = "-\\/*?\"<>| ,#:";
    private static final int MAX_BYTES = 100;

    private Namespace() {
    }

    /** The namespace if valid; otherwise an IllegalArgumentException saying which rule it breaks. */
    public static String validate(String namespace) {
        if (namespace.isEmpty()) {
            throw new IllegalArgumentException("the namespace is empty");
        }
        if (!namespace.equals(namespace.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("namespace '" + namespace + "' must be lower case");
        }
        for (char c : namespace.toCharArray()) {
            if (FORBIDDEN.indexOf(c) >= 0) {
                throw new IllegalArgumentException("namespace '" + namespace + "' must not contain '" + c
                        + "' (none of " + FORBIDDEN.replace(" ", "space ") + ")");
            }
        }
        if (namespace.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("namespace '" + namespace + "' is longer than " + MAX_BYTES + " bytes");
        }
        return namespace;
    }
}
