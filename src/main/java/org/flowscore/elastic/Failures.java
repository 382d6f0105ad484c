package org.flowscore.elastic;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.apache.http.ConnectionClosedException;
import org.elasticsearch.client.ResponseException;

/**
 * What a failed request means: whether waiting and retrying can fix it (server down or restarting,
 * overloaded, a network hiccup) or only the user can (certificates, credentials, privileges), and a
 * message saying which. Messages name the URL and the setting to change, never a secret.
 */
public final class Failures {
    private Failures() {
    }

    /** Whether the same request may succeed later. */
    public static boolean retryable(Throwable failure) {
        Throwable t = unwrap(failure);
        if (isTls(t)) {
            return false;
        }
        int status = status(t);
        return status == -1 || status == 408 || status == 429 || status >= 500;
    }

    /**
     * Whether the server, or a proxy before it (nginx refuses bodies over 1 MB unless told otherwise), refused
     * the request as too large (413): the same documents in smaller requests may pass.
     */
    public static boolean tooLarge(Throwable failure) {
        return status(failure) == 413;
    }

    /** The HTTP status of a failure that got an answer, else -1. */
    static int status(Throwable failure) {
        Throwable t = unwrap(failure);
        return switch (t) {
            case ElasticsearchException e -> e.status();
            case TransportException e -> e.statusCode();
            case ResponseException e -> e.getResponse().getStatusLine().getStatusCode();
            default -> -1;
        };
    }

    /** What went wrong and what to change, naming {@code where} and never a secret. */
    public static String describe(Throwable failure, String where) {
        Throwable t = unwrap(failure);
        if (isTls(t)) {
            if (t instanceof SSLHandshakeException && hasCause(t, CertificateException.class)) {
                return "the TLS certificate of " + where + " is not trusted (" + rootMessage(t) + "): give its CA with"
                        + " --es-ca FILE or its SHA-256 fingerprint with --es-ca-fingerprint HEX";
            }
            return "TLS with " + where + " failed (" + rootMessage(t) + ") — does the URL's scheme (http/https)"
                    + " match the server?";
        }
        int status = status(t);
        if (status == 401) {
            return "credentials rejected by " + where + " (HTTP 401): check " + EsAuth.USERNAME + "/" + EsAuth.PASSWORD
                    + ", " + EsAuth.API_KEY + " or " + EsAuth.BEARER_TOKEN;
        }
        if (status == 403) {
            return "access denied by " + where + " (HTTP 403): the user needs the index privileges create_doc and"
                    + " auto_configure on logs-flowscore.*";
        }
        if (status != -1) {
            return where + " answered HTTP " + status + ": " + rootMessage(t);
        }
        if (hasCause(t, UnknownHostException.class)) {
            return "cannot reach " + where + ": unknown host — is the URL right?";
        }
        if (hasCause(t, ConnectException.class)) {
            return "cannot reach " + where + ": " + rootMessage(t) + " — is Elasticsearch running, is the URL right?";
        }
        if (hasCause(t, SocketTimeoutException.class)) {
            return where + " did not answer in time — is the cluster overloaded?";
        }
        if (hasCause(t, ConnectionClosedException.class)) {
            return where + " closed the connection — if the server has TLS on, the URL must start with https://";
        }
        return "cannot talk to " + where + ": " + rootMessage(t);
    }

    private static boolean isTls(Throwable t) {
        return hasCause(t, SSLException.class);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
