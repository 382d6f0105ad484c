package org.flowscore.sink.es;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flowscore.elastic.EsAuth;
import org.flowscore.elastic.EsTls;
import org.flowscore.testing.AgainstElasticsearch;
import org.flowscore.testing.BodyLimitProxy;
import org.flowscore.testing.ElasticsearchServer;
import org.flowscore.testing.EsRequests;
import org.flowscore.testing.ScoredDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Elasticsearch behind a proxy that refuses large bodies (nginx's default is 1 MB, flowscore's requests up to
 * 8 MB): the writer halves what it sends until the proxy lets it through, and sets aside only a document that
 * is too large on its own.
 */
@AgainstElasticsearch
class BulkWriterBodyLimitTest {
    private static final int LIMIT = 64 * 1024;

    @TempDir
    Path tmp;

    @Test
    @Timeout(120)
    void requestsTooLargeForAProxyAreSplitAndADocumentTooLargeAloneIsDeadLettered() throws Exception {
        String url = ElasticsearchServer.shared().url();
        String ns = "bodylimit";
        EsTestSettings.setUp(url, ns);
        List<ScoredDocuments.Document> docs = ScoredDocuments.of("zeek/zat-2013-tsv/conn.log");
        String huge = "{\"message\":\"" + "x".repeat(2 * LIMIT) + "\"}";
        List<String> notes = new CopyOnWriteArrayList<>();
        Path deadLetter = tmp.resolve("dead.ndjson");
        BulkStats stats;
        String stream;
        try (BodyLimitProxy proxy = BodyLimitProxy.to(url, LIMIT)) {
            EsOutputSettings settings = new EsOutputSettings(List.of(URI.create(proxy.url())), ns, new EsAuth.None(),
                    EsTls.DEFAULT, deadLetter, Batching.DEFAULT);
            stream = settings.flowStream();
            try (EsClients clients = EsClients.open(settings, notes::add)) {
                BulkWriter writer = new BulkWriter(clients.client(), clients.where(), settings.batching(),
                        settings.deadLetter(), notes::add);
                docs.forEach(d -> writer.add(stream, d.id(), d.json()));
                writer.add(stream, "too-large-alone", huge);
                stats = writer.finish();
            }
            assertTrue(proxy.refused() > 1, "the first requests were refused: " + proxy.refused());
            assertTrue(proxy.largestPassed() <= LIMIT, "passed " + proxy.largestPassed());
        }
        assertEquals(docs.size(), stats.stream(stream).indexed(), stats.toString());
        assertEquals(1, stats.stream(stream).deadLettered(), stats.toString());
        assertEquals(docs.size(), EsRequests.count(url, stream));
        assertEquals(0, EsRequests.repeatedValues(url, stream, "event.id").size());

        List<String> letters = Files.readAllLines(deadLetter);
        assertEquals(1, letters.size());
        JsonNode letter = new ObjectMapper().readTree(letters.getFirst());
        assertEquals("too-large-alone", letter.path("id").asText(), letter.toString());
        assertEquals(413, letter.path("status").asInt(), letter.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("HTTP 413") && n.contains("from now on")), notes.toString());
    }
}
