package org.flowscore.sink.es;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.core.BulkRequest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What becomes of a batch whose bulk request failed as a whole, on the failures the client raises for
 * canned answers of a stub server, or for no server. Which exception type carries an error status depends
 * on the status and the body (429 and 5xx come from the low-level client, 400, 401 and 403 as a parsed
 * Elasticsearch error, a proxy's 403 or 404 page as a transport error), so the answers go through the
 * client rather than the exceptions being built by hand. The 400, 401 and 403 bodies are as Elasticsearch
 * 8.19 sent them.
 */
class RequestFailureTest {
    private static final BulkRequest ONE_DOCUMENT = BulkRequest.of(r -> r.operations(op -> op.create(c -> c
            .index("logs-flowscore.flow-stub").id("a").document(Map.of("message", "hello")))));

    private static final String NOT_AUTHENTICATED = """
            {"error":{"root_cause":[{"type":"security_exception","reason":"unable to authenticate user [capture] for \
            REST request [/_bulk]","header":{"WWW-Authenticate":["Basic realm=\\"security\\", charset=\\"UTF-8\\"",\
            "Bearer realm=\\"security\\"","ApiKey"]}}],"type":"security_exception","reason":"unable to authenticate \
            user [capture] for REST request [/_bulk]","header":{"WWW-Authenticate":["Basic realm=\\"security\\", \
            charset=\\"UTF-8\\"","Bearer realm=\\"security\\"","ApiKey"]}},"status":401}""";

    private static final String NO_PRIVILEGES = """
            {"error":{"root_cause":[{"type":"security_exception","reason":"action [indices:data/write/bulk] is \
            unauthorized for user [nobody] with effective roles [], this action is granted by the index privileges \
            [create_doc,create,delete,index,write,all]"}],"type":"security_exception","reason":"action \
            [indices:data/write/bulk] is unauthorized for user [nobody] with effective roles [], this action is \
            granted by the index privileges [create_doc,create,delete,index,write,all]"},"status":403}""";

    private static final String NO_NEWLINE = """
            {"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"The bulk request must be \
            terminated by a newline [\\\\n]"}],"type":"illegal_argument_exception","reason":"The bulk request must \
            be terminated by a newline [\\\\n]"},"status":400}""";

    private static final String REJECTED = """
            {"error":{"root_cause":[{"type":"es_rejected_execution_exception","reason":"rejected execution of \
            coordinating operation [coordinating_and_primary_bytes=107373120, replica_bytes=0, all_bytes=107373120, \
            coordinating_operation_bytes=1830, max_coordinating_and_primary_bytes=107374182]"}],\
            "type":"es_rejected_execution_exception","reason":"rejected execution of coordinating operation \
            [coordinating_and_primary_bytes=107373120, replica_bytes=0, all_bytes=107373120, \
            coordinating_operation_bytes=1830, max_coordinating_and_primary_bytes=107374182]"},"status":429}""";

    private static final String NOT_RECOVERED = """
            {"error":{"root_cause":[{"type":"cluster_block_exception","reason":"blocked by: \
            [SERVICE_UNAVAILABLE/1/state not recovered / initialized];"}],"type":"cluster_block_exception",\
            "reason":"blocked by: [SERVICE_UNAVAILABLE/1/state not recovered / initialized];"},"status":503}""";

    private static final String PROXY_PAGE = "<html><body><h1>%d</h1></body></html>";

    /** A stub's answer: status, content type, body, and whether it carries Elasticsearch's product header. */
    private record Canned(int status, String contentType, String body, boolean elasticsearch) {
        static Canned elasticsearch(int status, String json) {
            return new Canned(status, "application/json", json, true);
        }

        static Canned proxy(int status) {
            return new Canned(status, "text/html", PROXY_PAGE.formatted(status), false);
        }
    }

    @TempDir
    Path tmp;

    private HttpServer stub;
    private String url;
    private volatile Canned canned;

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", this::answer);
        stub.start();
        url = "http://127.0.0.1:" + stub.getAddress().getPort();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        Canned a = canned;
        if (a.elasticsearch()) {
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        }
        exchange.getResponseHeaders().add("Content-Type", a.contentType());
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(a.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void noServerListeningIsWaitedFor() {
        stub.stop(0);
        assertEquals(new RequestFailure.Retry("cannot reach " + url + ": Connection refused — is Elasticsearch"
                + " running, is the URL right?"), failure(url));
    }

    @Test
    void anOverloadedClusterIsWaitedFor() {
        canned = Canned.elasticsearch(429, REJECTED);
        assertRetriedAfterAnswering(429);
    }

    @Test
    void aClusterNotReadyIsWaitedFor() {
        canned = Canned.elasticsearch(503, NOT_RECOVERED);
        assertRetriedAfterAnswering(503);
    }

    @Test
    void serverErrorsAndTimeoutsBehindAProxyAreWaitedFor() {
        for (int status : new int[] {500, 502, 504, 408}) {
            canned = Canned.proxy(status);
            assertRetriedAfterAnswering(status);
        }
    }

    @Test
    void rejectedCredentialsStopTheRun() {
        canned = Canned.elasticsearch(401, NOT_AUTHENTICATED);
        assertEquals(new RequestFailure.Fatal("credentials rejected by " + url + " (HTTP 401): check"
                + " FLOWSCORE_ES_USERNAME/FLOWSCORE_ES_PASSWORD, FLOWSCORE_ES_API_KEY or FLOWSCORE_ES_BEARER_TOKEN"),
                failure(url));
    }

    @Test
    void missingPrivilegesStopTheRun() {
        canned = Canned.elasticsearch(403, NO_PRIVILEGES);
        assertEquals(new RequestFailure.Fatal("access denied by " + url + " (HTTP 403): the user needs the index"
                + " privileges create_doc and auto_configure on logs-flowscore.*"), failure(url));
    }

    @Test
    void aProxyRefusingAccessStopsTheRunToo() {
        canned = Canned.proxy(403);
        assertEquals(new RequestFailure.Fatal("access denied by " + url + " (HTTP 403): the user needs the index"
                + " privileges create_doc and auto_configure on logs-flowscore.*"), failure(url));
    }

    @Test
    void otherRefusalsOfTheWholeRequestStopTheRun() {
        canned = Canned.elasticsearch(400, NO_NEWLINE);
        assertStoppedAfterAnswering(400);
        canned = Canned.proxy(413);
        assertStoppedAfterAnswering(413);
        canned = Canned.proxy(404);
        assertStoppedAfterAnswering(404);
    }

    private void assertRetriedAfterAnswering(int status) {
        RequestFailure failure = failure(url);
        assertInstanceOf(RequestFailure.Retry.class, failure, failure.message());
        assertTrue(failure.message().startsWith(url + " answered HTTP " + status + ": "), failure.message());
    }

    private void assertStoppedAfterAnswering(int status) {
        RequestFailure failure = failure(url);
        assertInstanceOf(RequestFailure.Fatal.class, failure, failure.message());
        assertTrue(failure.message().startsWith(url + " answered HTTP " + status + ": "), failure.message());
    }

    /** Sends one document as the writer does and classifies what the client raises. */
    private RequestFailure failure(String to) {
        try (EsClients clients = EsClients.open(EsTestSettings.of(to, "stub", tmp.resolve("dead.ndjson")),
                warning -> { })) {
            Exception raised = assertThrows(Exception.class, () -> clients.client().bulk(ONE_DOCUMENT));
            return RequestFailure.of(raised, clients.where());
        }
    }
}
