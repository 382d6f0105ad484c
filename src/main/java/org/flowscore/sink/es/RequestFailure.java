package org.flowscore.sink.es;

import org.flowscore.elastic.Failures;

/**
 * What becomes of a whole batch when its bulk request got no bulk response: every document of it is sent
 * again, or the run stops. Elasticsearch answers a bad document inside a bulk response, so a request that
 * fails as a whole says something about the cluster or the connection, never about one document.
 */
sealed interface RequestFailure {

    /** What went wrong and what to change, naming the URLs and never a secret. */
    String message();

    /**
     * No answer (refused connection, timeout, reset), or Elasticsearch overloaded (429), starting, restarting
     * or failing (408, 5xx): waiting can fix it.
     */
    record Retry(String message) implements RequestFailure {
    }

    /**
     * Only the user can fix it: credentials (401), privileges (403), TLS, or a request Elasticsearch refuses
     * whatever the wait (another 4xx).
     */
    record Fatal(String message) implements RequestFailure {
    }

    /** @param where the URLs, for the message */
    static RequestFailure of(Throwable failure, String where) {
        String message = Failures.describe(failure, where);
        return Failures.retryable(failure) ? new Retry(message) : new Fatal(message);
    }
}
