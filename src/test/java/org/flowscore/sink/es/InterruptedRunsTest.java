package org.flowscore.sink.es;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flowscore.runtime.BatchRun;
import org.flowscore.testing.AgainstElasticsearch;
import org.flowscore.testing.ElasticsearchServer;
import org.flowscore.testing.EsRequests;
import org.flowscore.testing.StandInPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The at-least-once, no-visible-duplicates guarantee under the two interruptions that matter: the
 * process killed mid-run and rerun, and Elasticsearch away for 30 s mid-run.
 */
@AgainstElasticsearch
class InterruptedRunsTest {
    private static final long RECORDS = StandInPipeline.RITA_DAY_RECORDS;

    @TempDir
    Path tmp;

    @Test
    void aRunKilledMidwayThenRerunLeavesEveryRecordOnce() throws Exception {
        String url = ElasticsearchServer.shared().url();
        String ns = "killed";
        EsTestSettings.setUp(url, ns);
        EsOutputSettings settings = EsTestSettings.of(url, ns, tmp.resolve("dead.ndjson"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SinkRunMain.class.getName(), url, ns,
                settings.deadLetter().toString(), "20"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            long landed = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (landed < 3000 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(100);
                landed = EsRequests.count(url, settings.flowStream());
            }
            assertTrue(child.isAlive(), "the child finished before it could be killed");
            assertTrue(landed >= 3000, "nothing landed within 60 s");
        } finally {
            child.destroyForcibly().waitFor();
        }
        long afterKill = EsRequests.count(url, settings.flowStream());
        assertTrue(afterKill < RECORDS, "killed mid-run: " + afterKill);

        EsSink.Summary rerun;
        try (EsSink sink = EsSink.open(settings, System.err::println)) {
            StandInPipeline.run(StandInPipeline.ritaDay(), sink);
            rerun = sink.summary();
        }
        assertEquals(RECORDS, EsRequests.count(url, settings.flowStream()));
        assertEquals(0, EsRequests.repeatedValues(url, settings.flowStream(), "event.id").size());
        BulkStats.StreamCounts flows = rerun.bulk().stream(settings.flowStream());
        assertEquals(RECORDS, flows.indexed() + flows.duplicates());
        assertTrue(flows.duplicates() >= afterKill, "what the killed run wrote comes back as 409: " + flows);
    }

    @Test
    void elasticsearchAwayFor30SecondsMidRunLosesNothingAndHoldsTheBound() throws Exception {
        ElasticsearchServer server = ElasticsearchServer.startOwn();
        String url = server.url();
        String ns = "outage";
        EsTestSettings.setUp(url, ns);
        EsOutputSettings settings = EsTestSettings.of(url, ns, tmp.resolve("dead.ndjson"));
        List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
        EsSink sink = EsSink.open(settings, note -> {
                    notes.add(note);
                    System.err.println(note);
                });
        Throttled reader = new Throttled(sink, 20);
        CompletableFuture<BatchRun.Result> run = CompletableFuture.supplyAsync(
                () -> StandInPipeline.run(StandInPipeline.ritaDay(), reader));
        while (sink.writer().stats().total().indexed() < 5000) {
            assertTrue(!run.isDone(), "the run ended before Elasticsearch could be stopped");
            Thread.sleep(20);
        }
        server.stopProcess();
        Thread.sleep(10_000);
        long readWhileAway = reader.passed();
        Thread.sleep(20_000);
        assertEquals(readWhileAway, reader.passed(), "reading pauses while Elasticsearch is away");
        long unacknowledged = reader.passed() + alertsSoFar(sink) - acknowledged(sink);
        assertTrue(unacknowledged <= sink.writer().inFlightBound(), unacknowledged + " documents unacknowledged");
        server.startProcess();

        BatchRun.Result scored = run.get(5, TimeUnit.MINUTES);
        EsSink.Summary summary = sink.summary();
        sink.close();
        assertEquals(RECORDS, EsRequests.count(url, settings.flowStream()));
        assertEquals(scored.flagged(), EsRequests.count(url, settings.alertStream()));
        assertEquals(RECORDS, summary.bulk().stream(settings.flowStream()).indexed()
                + summary.bulk().stream(settings.flowStream()).duplicates());
        assertTrue(summary.bulk().retried() > 0, "documents were retried: " + summary.bulk());
        assertTrue(summary.bulk().maxInFlight() <= sink.writer().inFlightBound(), summary.bulk().toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("cannot reach")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("answers again")), notes.toString());
    }

    private static long alertsSoFar(EsSink sink) {
        return sink.writer().stats().total().sent() - sink.writer().stats().stream("logs-flowscore.flow-outage").sent();
    }

    private static long acknowledged(EsSink sink) {
        BulkStats.StreamCounts t = sink.writer().stats().total();
        return t.indexed() + t.duplicates() + t.deadLettered();
    }
}
