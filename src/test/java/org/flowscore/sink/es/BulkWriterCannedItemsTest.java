package org.flowscore.sink.es;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowscore.elastic.EsAuth;
import org.flowscore.elastic.EsTls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the writer does with each outcome, against a stub that answers every document by its id with an
 * item as Elasticsearch would: the per-item retry and the refusal that stops the run, which a real test
 * server cannot be made to answer, next to the outcomes it can.
 */
class BulkWriterCannedItemsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STREAM = "logs-flowscore.flow-stub";
    private static final String DOCUMENT = "{\"source\":{\"ip\":\"not-an-address-192.168.33.10\"}}";

    /** The item for a document with this id; {@code busy} is refused with 429 the first time only. */
    private static final Map<String, String> ITEMS = Map.of(
            "written", """
                    "status":409,"error":{"type":"version_conflict_engine_exception",\
                    "reason":"[written]: version conflict, document already exists (current version [1])"}""",
            "not-an-ip", """
                    "status":400,"error":{"type":"document_parsing_exception","reason":"[1:28] failed to parse \
                    field [source.ip] of type [ip] in document with id 'not-an-ip'. Preview of field's value: \
                    'not-an-address-192.168.33.10'","caused_by":{"type":"illegal_argument_exception",\
                    "reason":"'not-an-address-192.168.33.10' is not an IP string literal."}}""",
            "forbidden", """
                    "status":403,"error":{"type":"security_exception","reason":"action [indices:data/write/bulk[s]] \
                    is unauthorized for user [writer] with effective roles [reader] on indices \
                    [logs-flowscore.flow-stub], this action is granted by the index privileges \
                    [create_doc,create,index,write,all]"}""");
    private static final String BUSY = """
            "status":429,"error":{"type":"es_rejected_execution_exception","reason":"rejected execution of primary \
            operation [shard_detail=[.ds-logs-flowscore.flow-stub-2026.12.05-000001][0][node-1]]"}""";
    private static final String CREATED = """
            "_version":1,"result":"created","_shards":{"total":1,"successful":1,"failed":0},"_seq_no":0,\
            "_primary_term":1,"status":201""";

    @TempDir
    Path tmp;

    private HttpServer stub;
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/_bulk", this::answer);
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    /** One item per {@code create} line, in the request's order, as {@code _bulk} answers. */
    private void answer(HttpExchange exchange) throws IOException {
        String[] lines = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("\n");
        List<String> items = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 2) {
            JsonNode create = JSON.readTree(lines[i]).path("create");
            String id = create.path("_id").asText();
            boolean firstTry = !sent.contains(id);
            sent.add(id);
            String item = "busy".equals(id) && firstTry ? BUSY : ITEMS.getOrDefault(id, CREATED);
            items.add("{\"create\":{\"_index\":\"" + create.path("_index").asText() + "\",\"_id\":\"" + id + "\","
                    + item + "}}");
        }
        if (items.size() > 1 && sent.stream().filter("cut-short"::equals).count() == 1) {
            // A reply that leaves out an operation, as a broken proxy might: the first time "cut-short" is sent.
            items.removeLast();
        }
        String body = "{\"errors\":true,\"took\":2,\"items\":[" + String.join(",", items) + "]}";
        exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void eachDocumentIsCountedAcknowledgedRetriedOrDeadLetteredAsItsItemSays() throws IOException {
        List<String> ids = List.of("new", "written", "not-an-ip", "busy");
        EsOutputSettings settings = settings(ids.size());
        BulkStats stats;
        try (EsClients clients = EsClients.open(settings, warning -> { })) {
            BulkWriter writer = writer(clients, settings);
            ids.forEach(id -> writer.add(STREAM, id, DOCUMENT, () -> acknowledged.add(id)));
            stats = writer.finish();
        }
        assertEquals(new BulkStats.StreamCounts(4, 2, 1, 1), stats.stream(STREAM));
        assertEquals(1, stats.retried());
        assertEquals(List.of("new", "written", "not-an-ip", "busy", "busy"), sent);
        assertEquals(Set.copyOf(ids), acknowledged);
        List<String> letters = Files.readAllLines(settings.deadLetter());
        assertEquals(1, letters.size());
        assertEquals(JSON.readTree("""
                {"reason":"document_parsing_exception: [1:28] failed to parse field [source.ip] of type [ip] in \
                document with id 'not-an-ip'. Preview of field's value: 'not-an-address-192.168.33.10' (caused by \
                illegal_argument_exception: 'not-an-address-192.168.33.10' is not an IP string literal.)",\
                "status":400,"index":"logs-flowscore.flow-stub","id":"not-an-ip",\
                "document":{"source":{"ip":"not-an-address-192.168.33.10"}}}"""), JSON.readTree(letters.getFirst()));
    }

    @Test
    void refusedPrivilegesStopTheRunAndWhatWasRefusedIsNeverAcknowledged() {
        List<String> ids = List.of("new", "forbidden");
        EsOutputSettings settings = settings(ids.size());
        try (EsClients clients = EsClients.open(settings, warning -> { })) {
            BulkWriter writer = writer(clients, settings);
            ids.forEach(id -> writer.add(STREAM, id, DOCUMENT, () -> acknowledged.add(id)));
            EsSinkException stopped = assertThrows(EsSinkException.class, writer::finish);
            assertEquals("Elasticsearch refused writing to logs-flowscore.flow-stub (HTTP 403: security_exception:"
                    + " action [indices:data/write/bulk[s]] is unauthorized for user [writer] with effective roles"
                    + " [reader] on indices [logs-flowscore.flow-stub], this action is granted by the index"
                    + " privileges [create_doc,create,index,write,all]): the user needs the index privileges"
                    + " create_doc and auto_configure on logs-flowscore.* (1 document was not written)",
                    stopped.getMessage());
        }
        assertEquals(List.of("new", "forbidden"), sent);
        assertEquals(Set.of("new"), acknowledged);
    }

    @Test
    void aReplyWithoutAnItemForEveryDocumentIsSentAgainWhole() throws IOException {
        List<String> ids = List.of("new", "cut-short");
        EsOutputSettings settings = settings(ids.size());
        BulkStats stats;
        try (EsClients clients = EsClients.open(settings, warning -> { })) {
            BulkWriter writer = writer(clients, settings);
            ids.forEach(id -> writer.add(STREAM, id, DOCUMENT, () -> assertEquals(true, acknowledged.add(id),
                    id + " acknowledged twice")));
            stats = writer.finish();
        }
        assertEquals(ids, sent.subList(0, 2));
        assertEquals(Set.copyOf(ids), Set.copyOf(sent.subList(2, sent.size())), "both sent again");
        assertEquals(4, sent.size());
        assertEquals(Set.copyOf(ids), acknowledged);
        assertEquals(2, stats.retried());
        assertEquals(2, stats.stream(STREAM).indexed());
    }

    @Test
    void aDocumentAddedAfterTheWriterFinishedIsRefusedInsteadOfWaitingForever() {
        EsOutputSettings settings = settings(1);
        try (EsClients clients = EsClients.open(settings, warning -> { })) {
            BulkWriter writer = writer(clients, settings);
            writer.add(STREAM, "new", DOCUMENT, () -> acknowledged.add("new"));
            writer.finish();
            IllegalStateException late = assertThrows(IllegalStateException.class,
                    () -> writer.add(STREAM, "written", DOCUMENT, () -> acknowledged.add("written")));
            assertEquals("documents added to a bulk writer after it finished are never sent", late.getMessage());
        }
        assertEquals(List.of("new"), sent);
        assertEquals(Set.of("new"), acknowledged);
    }

    /** All the documents go in one request, sealed when the last is added rather than by the clock. */
    private EsOutputSettings settings(int documents) {
        return new EsOutputSettings(List.of(URI.create("http://127.0.0.1:" + stub.getAddress().getPort())), "stub",
                new EsAuth.None(), EsTls.DEFAULT, tmp.resolve("dead.ndjson"),
                new Batching(documents, 1L << 20, documents, Duration.ofMinutes(1)));
    }

    private static BulkWriter writer(EsClients clients, EsOutputSettings settings) {
        return new BulkWriter(clients.client(), clients.where(), settings.batching(), settings.deadLetter(),
                note -> { });
    }
}
