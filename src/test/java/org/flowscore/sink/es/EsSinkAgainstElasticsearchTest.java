package org.flowscore.sink.es;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowscore.runtime.BatchRun;
import org.flowscore.testing.AgainstElasticsearch;
import org.flowscore.testing.ElasticsearchServer;
import org.flowscore.testing.EsRequests;
import org.flowscore.testing.ScoredDocuments;
import org.flowscore.testing.StandInPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A day of real Zeek logs scored into the test Elasticsearch through the sink, twice; and a refused document. */
@AgainstElasticsearch
class EsSinkAgainstElasticsearchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aDayLandsOnceWithItsAlertsAndARerunAddsNothing() {
        String url = ElasticsearchServer.shared().url();
        String ns = "sinkday";
        EsTestSettings.setUp(url, ns);
        EsOutputSettings settings = EsTestSettings.of(url, ns, tmp.resolve("dead.ndjson"));

        Run first = run(settings);
        long records = StandInPipeline.RITA_DAY_RECORDS;
        assertEquals(records, first.scored.scored());
        assertEquals(records, EsRequests.count(url, settings.flowStream()));
        assertEquals(first.scored.flagged(), EsRequests.count(url, settings.alertStream()));
        assertTrue(first.scored.flagged() > 1000, "the stand-in model flags about one flow in ten");
        assertEquals(records, first.summary.bulk().stream(settings.flowStream()).indexed());
        assertEquals(records, first.summary.flows());
        assertEquals(0, first.summary.bulk().total().deadLettered());
        assertFalse(Files.exists(settings.deadLetter()), "no dead letters, no file");

        Run second = run(settings);
        assertEquals(records, EsRequests.count(url, settings.flowStream()));
        assertEquals(first.scored.flagged(), EsRequests.count(url, settings.alertStream()));
        BulkStats.StreamCounts flows = second.summary.bulk().stream(settings.flowStream());
        assertEquals(0, flows.indexed());
        assertEquals(records, flows.duplicates());
        assertEquals(first.scored.flagged(), second.summary.bulk().stream(settings.alertStream()).duplicates());
        assertEquals(0, EsRequests.repeatedValues(url, settings.flowStream(), "event.id").size());

        JsonNode alert = EsRequests.send(url, "GET", "/" + settings.alertStream() + "/_search?size=1", null,
                "application/json").json().at("/hits/hits/0/_source");
        assertEquals("alert", alert.at("/event/kind").asText());
        assertEquals("flowscore.alert", alert.at("/event/dataset").asText());
        JsonNode flow = EsRequests.send(url, "GET", "/" + settings.flowStream() + "/_search?size=1", null,
                "application/json").json().at("/hits/hits/0/_source");
        assertEquals("event", flow.at("/event/kind").asText());
        assertEquals("flowscore.flow", flow.at("/event/dataset").asText());
    }

    @Test
    void aDocumentElasticsearchRefusesGoesToTheDeadLetterFileWithItsReason() throws IOException {
        String url = ElasticsearchServer.shared().url();
        String ns = "deadletter";
        EsTestSettings.setUp(url, ns);
        EsOutputSettings settings = EsTestSettings.of(url, ns, tmp.resolve("dead.ndjson"));
        ScoredDocuments.Document good = ScoredDocuments.of("zeek/zat-2013-tsv/conn.log").getFirst();
        String bad = good.json().replace("\"source\":{\"ip\":\"", "\"source\":{\"ip\":\"not-an-address-");
        try (EsClients clients = EsClients.open(settings, System.err::println)) {
            BulkWriter writer = new BulkWriter(clients.client(), clients.where(), settings.batching(),
                    settings.deadLetter(), System.err::println);
            writer.add(settings.flowStream(), good.id(), good.json());
            writer.add(settings.flowStream(), "refused-" + good.id(), bad);
            BulkStats stats = writer.finish();
            assertEquals(new BulkStats.StreamCounts(2, 1, 0, 1), stats.stream(settings.flowStream()));
        }
        List<String> lines = Files.readAllLines(settings.deadLetter());
        assertEquals(1, lines.size());
        JsonNode letter = JSON.readTree(lines.getFirst());
        assertEquals(400, letter.path("status").asInt());
        assertEquals(settings.flowStream(), letter.path("index").asText());
        assertEquals("refused-" + good.id(), letter.path("id").asText());
        assertTrue(letter.path("reason").asText().contains("document_parsing_exception")
                || letter.path("reason").asText().contains("mapper_parsing_exception"), letter.toString());
        assertTrue(letter.path("reason").asText().contains("source.ip"), letter.toString());
        assertEquals(JSON.readTree(bad), letter.path("document"));
        assertEquals(1, EsRequests.count(url, settings.flowStream()));
    }

    private record Run(BatchRun.Result scored, EsSink.Summary summary) {
    }

    private static Run run(EsOutputSettings settings) {
        try (EsSink sink = EsSink.open(settings, System.err::println)) {
            BatchRun.Result scored = StandInPipeline.run(StandInPipeline.ritaDay(), sink);
            return new Run(scored, sink.summary());
        }
    }
}
