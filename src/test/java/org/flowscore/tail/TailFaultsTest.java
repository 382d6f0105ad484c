package org.flowscore.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;
import org.flowscore.setup.EsHttp;
import org.flowscore.setup.TemplateInstaller;
import org.flowscore.source.registry.FileState;
import org.flowscore.source.registry.Registry;
import org.flowscore.source.registry.RegistryEntry;
import org.flowscore.testing.AgainstElasticsearch;
import org.flowscore.testing.ElasticsearchServer;
import org.flowscore.testing.EsRequests;
import org.flowscore.testing.FlowscoreProcess;
import org.flowscore.testing.RotatingConnLog;
import org.flowscore.testing.StandInPipeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tailer as a service runs it, a child process, while a Zeek-like writer appends real conn records
 * and rotates: killed with SIGKILL and restarted, cut off from Elasticsearch for 30 s, rotated 100 times
 * in well under a minute, and started on a damaged registry. Every record must arrive exactly once.
 */
@AgainstElasticsearch
class TailFaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<String> header;
    /** The data lines of the first ten hourly files of the rita-missing-host day: 14,334 connections. */
    private static List<String> records;

    @TempDir
    Path dir;

    @BeforeAll
    static void readRecords() throws IOException {
        header = new ArrayList<>();
        records = new ArrayList<>();
        for (Path hour : StandInPipeline.ritaDay().subList(0, 10)) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(
                    new GZIPInputStream(Files.newInputStream(hour)), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.startsWith("#")) {
                        records.add(line);
                    } else if (header.size() < 8 && !line.startsWith("#close") && !header.contains(line)
                            && (header.isEmpty() || !line.startsWith("#open"))) {
                        header.add(line);
                    }
                }
            }
        }
        assertEquals(14_334, records.size());
    }

    private List<String> tail(Path logs, Path registry, String... outputs) {
        List<String> args = new ArrayList<>(List.of("tail", "--registry", registry.toString(), "--status-interval", "0",
                "--idle-flush", "1s", "--threshold", "0.9"));
        args.addAll(List.of(outputs));
        args.add(logs.resolve("conn.log").toString());
        return args;
    }

    private List<String> toElasticsearch(String url, String ns) {
        return List.of("--es", url, "--namespace", ns, "--dead-letter", dir.resolve("dead.ndjson").toString());
    }

    private static void setUp(String url, String ns) {
        new TemplateInstaller(new EsHttp(URI.create(url))).install(ns, "test");
    }

    @Test
    @Timeout(240)
    void killedFiveTimesWhileTheLogRotatesEveryRecordIsStoredOnce() throws Exception {
        String url = ElasticsearchServer.shared().url();
        String ns = "tailkilled";
        setUp(url, ns);
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path registry = dir.resolve("registry.json");
        Path log = dir.resolve("tail.log");
        List<String> args = tail(logs, registry, toElasticsearch(url, ns).toArray(String[]::new));
        Random random = new Random(5);
        Set<Integer> killAt = new HashSet<>();
        while (killAt.size() < 5) {
            killAt.add(1_000 + random.nextInt(records.size() - 2_000));
        }
        FlowscoreProcess child;
        try (RotatingConnLog writer = new RotatingConnLog(logs, header)) {
            child = started(FlowscoreProcess.start(log, List.of(), args), registry);
            for (int i = 0; i < records.size(); i++) {
                writer.write(records.get(i));
                if (i % 100 == 99) {
                    writer.flush();
                    Thread.sleep(40);
                }
                if (i % 2_500 == 2_499) {
                    writer.rotate();
                }
                if (killAt.contains(i)) {
                    writer.flush();
                    child.kill();
                    Thread.sleep(random.nextInt(500));
                    child = FlowscoreProcess.start(log, List.of(), args);
                }
            }
        }
        String flows = "logs-flowscore.flow-" + ns;
        awaitCount(() -> EsRequests.count(url, flows), records.size(), 90, child);
        assertEquals(0, child.terminate(30), child.log());
        assertEquals(records.size(), EsRequests.count(url, flows), child.log());
        assertEquals(0, EsRequests.repeatedValues(url, flows, "event.id").size());
    }

    @Test
    @Timeout(300)
    void elasticsearchAwayForThirtySecondsLosesNothingWithinASmallHeap() throws Exception {
        ElasticsearchServer server = ElasticsearchServer.startOwn();
        try {
            String ns = "tailoutage";
            setUp(server.url(), ns);
            Path logs = Files.createDirectories(dir.resolve("logs"));
            FlowscoreProcess child;
            try (RotatingConnLog writer = new RotatingConnLog(logs, header)) {
                child = started(FlowscoreProcess.start(dir.resolve("tail.log"), List.of("-Xmx96m"), tail(logs,
                        dir.resolve("registry.json"), toElasticsearch(server.url(), ns).toArray(String[]::new))),
                        dir.resolve("registry.json"));
                long outageEnds = 0;
                for (int i = 0; i < records.size(); i++) {
                    writer.write(records.get(i));
                    if (i % 200 == 199) {
                        writer.flush();
                        Thread.sleep(50);
                    }
                    if (i == 3_000) {
                        server.stopProcess();
                        outageEnds = System.nanoTime() + 30_000_000_000L;
                    }
                    if (outageEnds != 0 && System.nanoTime() > outageEnds) {
                        server.startProcess();
                        outageEnds = 0;
                    }
                    if (i % 5_000 == 4_999) {
                        writer.rotate();
                    }
                }
                if (outageEnds != 0) {
                    Thread.sleep(Math.max(0, (outageEnds - System.nanoTime()) / 1_000_000));
                    server.startProcess();
                }
            }
            String flows = "logs-flowscore.flow-" + ns;
            awaitCount(() -> EsRequests.count(server.url(), flows), records.size(), 120, child);
            assertTrue(child.isAlive(), "the tailer survived the outage in 96 MB of heap: " + child.log());
            assertEquals(0, child.terminate(30), child.log());
            assertEquals(records.size(), EsRequests.count(server.url(), flows));
            assertEquals(0, EsRequests.repeatedValues(server.url(), flows, "event.id").size());
            assertTrue(child.log().contains("resending what was held back"), child.log());
        } finally {
            server.stopProcess();
        }
    }

    @Test
    @Timeout(180)
    void aHundredRotationsInAMinuteLoseNothingAndReadNoFileTwice() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path registry = dir.resolve("registry.json");
        Path out = dir.resolve("flows.ndjson");
        FlowscoreProcess child;
        int written = 0;
        long started;
        try (RotatingConnLog writer = new RotatingConnLog(logs, header)) {
            child = started(FlowscoreProcess.start(dir.resolve("tail.log"), List.of(),
                    tail(logs, registry, "-o", out.toString())), registry);
            started = System.nanoTime();
            for (int r = 0; r < 100; r++) {
                for (int k = 0; k < 60; k++) {
                    writer.write(records.get(written++));
                }
                writer.flush();
                Thread.sleep(300);
                writer.rotate();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(seconds < 60, "100 rotations took " + seconds + " s");
        awaitCount(() -> lines(out), written, 60, child);
        assertEquals(0, child.terminate(30), child.log());
        List<String> flows = Files.readAllLines(out);
        assertEquals(written, flows.size());
        assertEquals(written, flows.stream().map(TailFaultsTest::eventId).distinct().count());
        List<RegistryEntry> files = Registry.load(registry);
        assertEquals(101, files.size());
        List<RegistryEntry> rotated = files.stream().filter(e -> !e.path().endsWith("conn.log")).toList();
        assertEquals(List.of(), rotated.stream().filter(e -> e.state() != FileState.DONE || e.offset() != e.size())
                .toList(), "every rotated file read to its end once and acknowledged");
    }

    @Test
    @Timeout(120)
    void aDamagedRegistryIsAClearErrorAndResetStartsOver() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path registry = dir.resolve("registry.json");
        Files.writeString(registry, "{\"version\": 1, \"files\": [{\"path\": ");
        Path out = dir.resolve("flows.ndjson");
        try (RotatingConnLog writer = new RotatingConnLog(logs, header)) {
            records.subList(0, 500).forEach(writer::write);
        }
        FlowscoreProcess refused = FlowscoreProcess.start(dir.resolve("refused.log"), List.of(),
                tail(logs, registry, "-o", out.toString()));
        assertEquals(1, refused.awaitExit(60), refused.log());
        assertTrue(refused.log().contains("registry " + registry), refused.log());
        assertTrue(refused.log().contains("--reset-registry"), refused.log());

        List<String> reset = new ArrayList<>(tail(logs, registry, "-o", out.toString()));
        reset.add(1, "--reset-registry");
        FlowscoreProcess child = FlowscoreProcess.start(dir.resolve("tail.log"), List.of(), reset);
        awaitCount(() -> lines(out), 500, 60, child);
        assertEquals(0, child.terminate(30), child.log());
        assertTrue(Files.exists(registry.resolveSibling("registry.json.old")));
        assertEquals(1, Registry.load(registry).size());
    }

    /**
     * Waits until the tailer has opened the log (its registry appears): files rotated away before a first
     * start are history, for backfill, not for tail.
     */
    private static FlowscoreProcess started(FlowscoreProcess child, Path registry) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(registry) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(registry), "the tailer did not start: " + child.log());
        return child;
    }

    private static void awaitCount(LongSupplier count, long expected, int seconds, FlowscoreProcess child)
            throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long n = count.getAsLong();
        while (n < expected && System.nanoTime() < deadline) {
            Thread.sleep(250);
            n = count.getAsLong();
        }
        if (n != expected) {
            fail("records stored after waiting " + seconds + " s: " + n + " of " + expected + "; tailer log:\n"
                    + child.log() + "\ntailer threads:\n" + child.threadDump());
        }
    }

    private static long lines(Path file) {
        try {
            if (!Files.exists(file)) {
                return 0;
            }
            try (var lines = Files.lines(file)) {
                return lines.count();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String eventId(String json) {
        try {
            return JSON.readTree(json).at("/event/id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
