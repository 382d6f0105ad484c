package org.flowscore.sink.es;

import org.flowscore.elastic.EsConnectionException;

/**
 * A failure of the Elasticsearch output that retrying cannot fix (credentials rejected, certificate not
 * trusted, server unreachable at the start, writing refused).
 */
public final class EsSinkException extends EsConnectionException {
    public EsSinkException(String message) {
        super(message);
    }

    public EsSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
