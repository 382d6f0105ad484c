package org.flowscore.source;

import java.nio.file.Path;

/**
 * One input to read: a file, or standard input.
 *
 * @param path the file, or null for standard input
 */
public record InputFile(Path path) {
    public static final InputFile STDIN = new InputFile(null);

    public boolean isStdin() {
        return path == null;
    }

    /** How messages name it. */
    public String displayName() {
        return path == null ? "<stdin>" : path.toString();
    }

    @Override
    public String toString() {
        return displayName();
    }
}
