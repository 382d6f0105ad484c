package org.flowscore.source;

/** An input the user named cannot be used: missing, unreadable, or of an unknown format. */
public class InputException extends Exception {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
