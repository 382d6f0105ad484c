package org.flowscore.labels;

/** A label source that cannot be read, with a message naming the file (and line) and what to fix. */
public final class LabelException extends Exception {
    public LabelException(String message) {
        super(message);
    }

    public LabelException(String message, Throwable cause) {
        super(message, cause);
    }
}
