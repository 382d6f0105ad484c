package org.flowscore.read;

/** Thrown in {@code --strict} mode at the first line that had to be skipped. */
public final class BadLineException extends Exception {
    public BadLineException(String message) {
        super(message);
    }
}
