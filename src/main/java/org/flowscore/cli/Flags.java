package org.flowscore.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Flags into a settings tree, where only the flags given override the file and the environment. */
final class Flags {
    private Flags() {
    }

    static void putIfGiven(ObjectNode tree, String key, String value) {
        if (value != null) {
            tree.put(key, value);
        }
    }
}
