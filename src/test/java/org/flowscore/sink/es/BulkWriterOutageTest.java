package org.flowscore.sink.es;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.flowscore.elastic.EsAuth;
import org.flowscore.elastic.EsTls;
import org.flowscore.testing.AgainstElasticsearch;
import org.flowscore.testing.ElasticsearchServer;
import org.flowscore.testing.EsRequests;
import org.flowscore.testing.ScoredDocuments;
import org.flowscore.testing.TcpGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Elasticsearch refusing connections while many small requests are out: each refusal comes back on the
 * HTTP client's I/O thread while other threads send. The client's BulkIngester deadlocked here (its lock
 * against the connection pool's); the writer must come through with every document once.
 */
@AgainstElasticsearch
class BulkWriterOutageTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(180)
    void refusedConnectionsDuringManyConcurrentRequestsLoseNothing() throws Exception {
        String url = ElasticsearchServer.shared().url();
        String ns = "refused";
        EsTestSettings.setUp(url, ns);
        List<ScoredDocuments.Document> docs = ScoredDocuments.of("zeek/zat-2013-tsv/conn.log");
        List<String> notes = new CopyOnWriteArrayList<>();
        try (TcpGate gate = TcpGate.to(url)) {
            // 20 senders with 20 documents each, sealed every 10 ms: many requests fail at the same moment.
            EsOutputSettings settings = new EsOutputSettings(List.of(URI.create(gate.url())), ns, new EsAuth.None(),
                    EsTls.DEFAULT, tmp.resolve("dead.ndjson"), new Batching(20, 1L << 20, 400, Duration.ofMillis(10)));
            try (EsClients clients = EsClients.open(settings, notes::add)) {
                BulkWriter writer = new BulkWriter(clients.client(), clients.where(), settings.batching(),
                        settings.deadLetter(), notes::add);
                gate.shut();
                CompletableFuture<Void> adding = CompletableFuture.runAsync(
                        () -> docs.forEach(d -> writer.add(settings.flowStream(), d.id(), d.json())));
                Thread.sleep(8_000);
                assertTrue(writer.stats().retried() > 100, "requests failed and were retried: " + writer.stats());
                gate.open();
                adding.get(2, TimeUnit.MINUTES);
                BulkStats stats = writer.finish();
                assertEquals(docs.size(), stats.stream(settings.flowStream()).indexed(), stats.toString());
                assertTrue(stats.maxInFlight() <= 400, stats.toString());
            }
            assertEquals(docs.size(), EsRequests.count(url, settings(ns).flowStream()));
            assertEquals(0, EsRequests.repeatedValues(url, settings(ns).flowStream(), "event.id").size());
            assertTrue(notes.stream().anyMatch(n -> n.contains("cannot reach")), notes.toString());
            assertTrue(notes.stream().anyMatch(n -> n.contains("answers again")), notes.toString());
        }
    }

    private EsOutputSettings settings(String ns) {
        return EsTestSettings.of(ElasticsearchServer.shared().url(), ns, tmp.resolve("unused.ndjson"));
    }
}
