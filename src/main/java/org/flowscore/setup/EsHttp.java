package org.flowscore.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.flowscore.elastic.EsAuth;
import org.flowscore.elastic.EsTls;
import org.flowscore.elastic.Failures;
import org.flowscore.elastic.TlsContexts;

/**
 * Every HTTP call setup makes to Elasticsearch, with the same credentials and certificate trust as the
 * bulk client. Turns transport failures and 401/403 answers into a {@link SetupException} that names what
 * to fix; other statuses are left to the caller. Plain JDK HTTP: setup sends a handful of JSON requests
 * and compares the JSON the server returns with its own. Kibana takes the same credentials and trust, so
 * its import goes through here too ({@link #kibana}), with its own privilege hint for a 403.
 */
public final class EsHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String root;
    private final String authorization;
    private final HttpClient client;
    private final String product;
    private final String privileges;

    /** An answer: its status and body. */
    public record Response(int status, String body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The body as JSON, or null when it is not JSON (a proxy's HTML page, say). */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** Without credentials, trusting the JDK's certificate authorities. */
    public EsHttp(URI base) {
        this(base, new EsAuth.None(), EsTls.DEFAULT);
    }

    public EsHttp(URI base, EsAuth auth, EsTls tls) {
        this(base, auth, tls, "Elasticsearch", "the cluster privileges monitor, manage_index_templates and manage_ilm");
    }

    /** For Kibana's HTTP API: the same credentials and trust, a 403 explained with Kibana's privileges. */
    public static EsHttp kibana(URI base, EsAuth auth, EsTls tls) {
        return new EsHttp(base, auth, tls, "Kibana", "the Kibana privilege to manage saved objects (All on Saved Objects"
                + " Management, or on Dashboards, Discover and Data View Management) in the target space and, for the"
                + " detection rules, All on Security's Rules");
    }

    private EsHttp(URI base, EsAuth auth, EsTls tls, String product, String privileges) {
        this.base = base;
        this.product = product;
        this.privileges = privileges;
        String url = base.toString();
        this.root = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.authorization = auth.authorization();
        // HTTP/1.1 only: Elasticsearch does not speak HTTP/2, and the JDK's upgrade attempt is wasted there.
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT);
        SSLContext ssl = TlsContexts.of(tls);
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.client = builder.build();
    }

    /** The URL as the user gave it, for messages. */
    public String url() {
        return base.toString();
    }

    public Response get(String path) {
        return send(request(path).GET().build(), "GET " + path);
    }

    public Response put(String path, JsonNode body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), "PUT " + path);
    }

    /** A POST of raw bytes with extra headers, e.g. Kibana's multipart import with its kbn-xsrf header. */
    public Response post(String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", contentType);
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), "POST " + path);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private Response send(HttpRequest request, String what) {
        HttpResponse<String> answer;
        try {
            answer = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw new SetupException("cannot reach " + url() + ": no connection within " + CONNECT_TIMEOUT.toSeconds()
                    + " s — is the host right, is a firewall in the way?", e);
        } catch (HttpTimeoutException e) {
            throw new SetupException(url() + " did not answer " + what + " within " + REQUEST_TIMEOUT.toSeconds()
                    + " s — is the cluster overloaded or still starting?", e);
        } catch (ConnectException e) {
            throw new SetupException(connectFailure(e), e);
        } catch (SSLException e) {
            throw new SetupException(Failures.describe(e, url()), e);
        } catch (IOException e) {
            throw new SetupException("cannot talk to " + url() + " (" + what + "): " + e.getMessage()
                    + " — is this the " + product + " HTTP port?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupException("interrupted while waiting for " + url(), e);
        }
        Response response = new Response(answer.statusCode(), answer.body());
        if (response.status() == 401) {
            throw new SetupException("credentials rejected by " + url() + " (HTTP 401 to " + what + "): "
                    + (authorization == null ? "the cluster has security on; set " : "check ") + EsAuth.USERNAME + "/"
                    + EsAuth.PASSWORD + ", " + EsAuth.API_KEY + " or " + EsAuth.BEARER_TOKEN);
        }
        if (response.status() == 403) {
            throw new SetupException("access denied by " + url() + " (HTTP 403 to " + what + "): the user needs "
                    + privileges);
        }
        return response;
    }

    private String connectFailure(ConnectException e) {
        if (e.getCause() instanceof UnresolvedAddressException) {
            return "cannot reach " + url() + ": unknown host " + base.getHost() + " — is the URL right?";
        }
        String reason = e.getMessage() == null || e.getMessage().isBlank() ? "connection refused"
                : e.getMessage().toLowerCase(Locale.ROOT);
        return "cannot reach " + url() + ": " + reason + " — is " + product + " running, is the URL right?";
    }
}
