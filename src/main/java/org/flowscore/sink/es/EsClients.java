package org.flowscore.sink.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.conn.ssl.NoopHostnameVerifier;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.flowscore.elastic.EsAuth;
import org.flowscore.elastic.EsTls;
import org.flowscore.elastic.Failures;
import org.flowscore.elastic.TlsContexts;

/**
 * The official Elasticsearch client for the output's settings: every {@code --es} URL as a node (the
 * low-level client spreads requests over them and skips dead ones), credentials, and TLS trust.
 */
public final class EsClients implements AutoCloseable {
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    // A bulk request to a busy cluster can take long; a hung one is retried after this.
    private static final int SOCKET_TIMEOUT_MS = 120_000;

    private final RestClient rest;
    private final ElasticsearchClient client;
    private final String where;

    private EsClients(RestClient rest, String where) {
        this.rest = rest;
        this.client = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        this.where = where;
    }

    /** Builds the clients; {@code warnings} hears about --insecure. Nothing is sent yet. */
    public static EsClients open(EsOutputSettings settings, Consumer<String> warnings) {
        RestClientBuilder builder = RestClient.builder(hosts(settings.urls()));
        String prefix = pathPrefix(settings.urls());
        if (!prefix.isEmpty()) {
            builder.setPathPrefix(prefix);
        }
        String authorization = settings.auth().authorization();
        if (authorization != null) {
            // Sent with every request, so a basic-auth user costs no 401 round trip either.
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", authorization)});
        }
        SSLContext ssl = TlsContexts.of(settings.tls());
        if (settings.tls().insecure()) {
            warnings.accept(EsTls.INSECURE_WARNING);
        }
        builder.setHttpClientConfigCallback(http -> {
            if (ssl != null) {
                http.setSSLContext(ssl);
            }
            if (settings.tls().insecure()) {
                http.setSSLHostnameVerifier(NoopHostnameVerifier.INSTANCE);
            }
            return http;
        });
        builder.setRequestConfigCallback(rc -> rc.setConnectTimeout(CONNECT_TIMEOUT_MS)
                .setSocketTimeout(SOCKET_TIMEOUT_MS));
        return new EsClients(builder.build(), String.join(", ", settings.urls().stream().map(URI::toString).toList()));
    }

    public ElasticsearchClient client() {
        return client;
    }

    /** The URLs, for messages. */
    public String where() {
        return where;
    }

    /**
     * One request before any document is sent, so that a wrong URL, untrusted certificate or rejected
     * credentials stop the run at once with a clear message instead of being retried forever.
     */
    public void check() {
        try {
            rest.performRequest(new Request("GET", "/"));
        } catch (ResponseException e) {
            int status = e.getResponse().getStatusLine().getStatusCode();
            if (status == 401) {
                throw new EsSinkException("credentials rejected by " + where + " (HTTP 401): check "
                        + EsAuth.USERNAME + "/" + EsAuth.PASSWORD + ", " + EsAuth.API_KEY + " or " + EsAuth.BEARER_TOKEN);
            }
            // Any other answer (the integration-test distribution says 405 to GET /) means we got in.
        } catch (IOException e) {
            throw new EsSinkException(Failures.describe(e, where), e);
        }
    }

    @Override
    public void close() {
        try {
            rest.close();
        } catch (IOException e) {
            // Closing only releases connections; nothing is lost if that fails.
        }
    }

    private static HttpHost[] hosts(List<URI> urls) {
        return urls.stream().map(u -> new HttpHost(u.getHost(),
                u.getPort() != -1 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80, u.getScheme()))
                .toArray(HttpHost[]::new);
    }

    private static String pathPrefix(List<URI> urls) {
        String first = trimmed(urls.getFirst().getPath());
        for (URI u : urls) {
            if (!trimmed(u.getPath()).equals(first)) {
                throw new IllegalArgumentException("all --es URLs must have the same path (" + urls + ")");
            }
        }
        return first;
    }

    private static String trimmed(String path) {
        return path == null || path.equals("/") ? "" : path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
