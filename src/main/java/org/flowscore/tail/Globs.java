package org.flowscore.tail;

import java.nio.file.Path;

/** Input paths with glob characters ({@code * ? [ {}) in them. */
final class Globs {
    private Globs() {
    }

    static boolean isGlob(String pattern) {
        return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** The longest leading folder of the path without glob characters: where matching files are searched. */
    static Path base(Path absolute) {
        Path base = absolute.getRoot();
        for (Path part : absolute) {
            if (isGlob(part.toString())) {
                break;
            }
            base = base.resolve(part);
        }
        return base;
    }
}
