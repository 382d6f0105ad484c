package org.flowscore.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each way the check can fail names what to fix; stand-in servers play the wrong answers. */
class ClusterCheckTest {
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** A loopback server answering every request with this status, content type and body. */
    private String serving(int status, String contentType, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String failure(String url) {
        return assertThrows(SetupException.class, () -> ClusterCheck.check(new EsHttp(URI.create(url))))
                .getMessage();
    }

    @Test
    void aClosedPortIsUnreachable() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed;
        assertEquals("cannot reach " + url + ": connection refused — is Elasticsearch running, is the URL right?",
                failure(url));
    }

    @Test
    void aWebServerIsNotElasticsearch() throws IOException {
        String url = serving(200, "text/html", "<html><body>It works!</body></html>");
        assertEquals(url + " does not look like Elasticsearch (GET / answered HTTP 200: <html><body>It works!"
                + "</body></html>) — is the URL the Elasticsearch HTTP port?", failure(url));
    }

    @Test
    void aServerRefusingEverythingIsNotElasticsearch() throws IOException {
        String url = serving(404, "text/plain", "");
        assertEquals(url + " does not look like Elasticsearch (GET / answered HTTP 404: an empty body) — is the URL"
                + " the Elasticsearch HTTP port?", failure(url));
    }

    @Test
    void rejectedCredentialsAreNamed() throws IOException {
        String url = serving(401, "application/json", "{\"error\":{\"type\":\"security_exception\"},\"status\":401}");
        assertEquals("credentials rejected by " + url + " (HTTP 401 to GET /): the cluster has security on; set"
                + " FLOWSCORE_ES_USERNAME/FLOWSCORE_ES_PASSWORD, FLOWSCORE_ES_API_KEY or FLOWSCORE_ES_BEARER_TOKEN",
                failure(url));
        stop();
        url = serving(403, "application/json", "{\"status\":403}");
        assertEquals("access denied by " + url + " (HTTP 403 to GET /): the user needs the cluster privileges"
                + " monitor, manage_index_templates and manage_ilm", failure(url));
    }

    @Test
    void anUnsupportedVersionIsRefused() throws IOException {
        String url = serving(200, "application/json", "{\"version\":{\"number\":\"7.17.29\"},\"tagline\":\"You Know,"
                + " for Search\"}");
        assertEquals(url + " runs Elasticsearch 7.17.29, which flowscore does not support: use Elasticsearch 8.x"
                + " or 9.x", failure(url));
    }

    @Test
    void aSupportedVersionPasses() throws IOException {
        String url = serving(200, "application/json", "{\"version\":{\"number\":\"9.1.0\"}}");
        assertEquals(9, ClusterCheck.check(new EsHttp(URI.create(url))).major());
    }
}
