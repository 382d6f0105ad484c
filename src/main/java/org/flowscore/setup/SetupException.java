package org.flowscore.setup;

/** A setup failure whose message alone tells the user what to fix (the URL, the server, the credentials). */
public final class SetupException extends RuntimeException {
    public SetupException(String message) {
        super(message);
    }

    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
