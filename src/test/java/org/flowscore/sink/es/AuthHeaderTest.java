package org.flowscore.sink.es;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flowscore.elastic.EsAuth;
import org.flowscore.elastic.EsTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The headers the client sends for each kind of credentials, captured by a stub server (the test
 * Elasticsearch cannot create API keys); and credentials come from the environment only, never shown.
 */
class AuthHeaderTest {
    private HttpServer stub;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @TempDir
    Path tmp;

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", this::answer);
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    /** Answers like Elasticsearch: the product header the client insists on, and a bulk of one created item. */
    private void answer(HttpExchange exchange) throws IOException {
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                + exchange.getRequestHeaders().getFirst("Authorization"));
        exchange.getRequestBody().readAllBytes();
        String body = exchange.getRequestURI().getPath().endsWith("_bulk")
                ? "{\"took\":1,\"errors\":false,\"items\":[{\"create\":{\"_index\":\"logs-flowscore.flow-stub\","
                        + "\"_id\":\"a\",\"status\":201}}]}"
                : "{\"version\":{\"number\":\"8.19.21\"}}";
        exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void anApiKeyIsSentAsApiKeyOnEveryRequest() {
        writeOne(new EsAuth.ApiKey("VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="));
        assertEquals(List.of("GET / ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==",
                "POST /_bulk ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="), seen);
    }

    @Test
    void aBearerTokenIsSentAsBearer() {
        writeOne(new EsAuth.Bearer("AAEAAWVsYXN0aWM"));
        assertTrue(seen.stream().allMatch(s -> s.endsWith(" Bearer AAEAAWVsYXN0aWM")), seen.toString());
    }

    @Test
    void credentialsComeFromTheEnvironmentAndNeverShow() {
        EsAuth basic = EsAuth.fromEnvironment(Map.of(EsAuth.USERNAME, "writer", EsAuth.PASSWORD, "s3cret"));
        assertEquals(new EsAuth.Basic("writer", "s3cret"), basic);
        EsAuth key = EsAuth.fromEnvironment(Map.of(EsAuth.API_KEY, "k3y-value"));
        EsAuth token = EsAuth.fromEnvironment(Map.of(EsAuth.BEARER_TOKEN, "t0ken-value"));
        assertEquals(new EsAuth.None(), EsAuth.fromEnvironment(Map.of()));
        EsOutputSettings settings = new EsOutputSettings(List.of(URI.create("http://127.0.0.1:9200")), "ns", basic,
                EsTls.DEFAULT, tmp.resolve("d"), Batching.DEFAULT);
        for (String shown : List.of(basic.toString(), key.toString(), token.toString(), settings.toString())) {
            assertFalse(shown.contains("s3cret") || shown.contains("k3y-value") || shown.contains("t0ken-value"), shown);
        }
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> EsAuth.fromEnvironment(
                Map.of(EsAuth.API_KEY, "k3y-value", EsAuth.BEARER_TOKEN, "t0ken-value")));
        assertFalse(both.getMessage().contains("k3y-value"), both.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EsAuth.fromEnvironment(Map.of(EsAuth.USERNAME, "writer")));
    }

    @Test
    void fingerprintsAreTakenAsKibanaShowsThem() {
        String colons = "AB:".repeat(31) + "AB";
        assertEquals("ab".repeat(32), new EsTls(null, colons, false).caFingerprint());
        assertThrows(IllegalArgumentException.class, () -> new EsTls(null, "abcd", false));
        assertThrows(IllegalArgumentException.class, () -> new EsTls(tmp, "ab".repeat(32), false));
    }

    private void writeOne(EsAuth auth) {
        EsOutputSettings settings = new EsOutputSettings(
                List.of(URI.create("http://127.0.0.1:" + stub.getAddress().getPort())), "stub", auth, EsTls.DEFAULT,
                tmp.resolve("dead.ndjson"), EsTestSettings.SMALL);
        try (EsClients clients = EsClients.open(settings, System.err::println)) {
            clients.check();
            BulkWriter writer = new BulkWriter(clients.client(), clients.where(), settings.batching(),
                    settings.deadLetter(), System.err::println);
            writer.add(settings.flowStream(), "a", "{\"message\":\"hello\"}");
            assertEquals(1, writer.finish().stream(settings.flowStream()).indexed());
        }
    }
}
