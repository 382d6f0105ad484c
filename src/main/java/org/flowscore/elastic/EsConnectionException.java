package org.flowscore.elastic;

/**
 * Elasticsearch cannot be used as configured, and retrying will not change that (a CA file that is missing
 * or holds no certificate, credentials rejected, a certificate not trusted); the message alone tells the user
 * what to fix, and never contains a secret.
 */
public class EsConnectionException extends RuntimeException {
    public EsConnectionException(String message) {
        super(message);
    }

    public EsConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
