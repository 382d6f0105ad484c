package org.flowscore.sink.es;

/**
 * A failure of the Elasticsearch output that retrying cannot fix (credentials rejected, certificate not
 * trusted, server unreachable at the start); the message alone tells the user what to fix, and never
 * contains a secret.
 */
public final class EsSinkException extends RuntimeException {
    public EsSinkException(String message) {
        super(message);
    }

    public EsSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
