package org.flowscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowscore.read.ConnectionReader;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.sink.DocumentIds;
import org.flowscore.source.InputFile;
import org.flowscore.source.registry.FileHead;
import org.flowscore.source.registry.FileState;
import org.flowscore.source.registry.Registry;
import org.flowscore.source.registry.RegistryEntry;
import org.flowscore.testing.AgainstElasticsearch;
import org.flowscore.testing.ElasticsearchServer;
import org.flowscore.testing.EsRequests;
import org.flowscore.testing.StandInPipeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowscore backfill --es} resumes through the registry: finished files are skipped, a half-read
 * file is read again for the windows and written only after its acknowledged offset, and what is written
 * is exactly what an uninterrupted run writes for those connections. Killed with SIGKILL and rerun, every
 * record is in Elasticsearch once, with the features of an uninterrupted run.
 */
@AgainstElasticsearch
class BackfillResumeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The first ten hours of the day (14,334 connections) keep the test quick; 0.9 keeps alerts few. */
    private static final List<Path> HOURS = StandInPipeline.ritaDay().subList(0, 10);
    private static final long RECORDS = 14_334;
    private static final String THRESHOLD = "0.9";
    private static final Pattern WROTE = Pattern.compile("wrote ([\\d,]+) flows");
    private static final List<String> WINDOW_FEATURES = List.of("count", "srv_count", "dst_host_count",
            "dst_host_srv_count");

    @TempDir
    static Path shared;
    private static List<String> uninterrupted;

    @TempDir
    Path tmp;

    @BeforeAll
    static void uninterruptedRun() throws IOException {
        Path out = shared.resolve("full.ndjson");
        List<String> args = new ArrayList<>(List.of("backfill", "--threads", "2", "--threshold", THRESHOLD, "-o",
                out.toString()));
        HOURS.forEach(h -> args.add(h.toString()));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        uninterrupted = Files.readAllLines(out);
        assertEquals(RECORDS, uninterrupted.size());
    }

    @Test
    void finishedFilesAreSkippedAndAHalfReadFileResumesAfterItsOffset() throws Exception {
        String url = ElasticsearchServer.shared().url();
        String ns = "bfresume";
        assertEquals(0, CliRun.of("setup", "--es", url, "--namespace", ns).exitCode());
        List<Path> files = HOURS;
        Path registry = tmp.resolve("registry.json");
        Set<String> delivered = new HashSet<>();
        long halfway;
        try (Registry r = Registry.open(registry, false)) {
            for (Path f : files.subList(0, 4)) {
                r.put(entry(r, f, 0, FileState.DONE));
                positions(f).forEach(p -> delivered.add(p.id()));
            }
            List<Position> fifth = positions(files.get(4));
            halfway = fifth.get(599).endOffset();
            r.put(entry(r, files.get(4), halfway, FileState.READING));
            fifth.subList(0, 600).forEach(p -> delivered.add(p.id()));
        }

        Path part = tmp.resolve("part.ndjson");
        CliRun rerun = backfill(url, ns, registry, "-o", part.toString());
        assertEquals(0, rerun.exitCode(), rerun.err());
        assertTrue(rerun.err().contains("6 files read, 1 read for the feature windows only, 3 skipped"), rerun.err());
        assertTrue(rerun.err().contains(", 600 delivered by an earlier run"), rerun.err());
        List<String> expected = uninterrupted.stream().filter(l -> !delivered.contains(id(l))).toList();
        assertEquals(expected, Files.readAllLines(part), "the rest, byte for byte as the uninterrupted run");
        assertEquals(expected.size(), EsRequests.count(url, "logs-flowscore.flow-" + ns));
        assertTrue(Registry.load(registry).stream().allMatch(e -> e.state() == FileState.DONE),
                Registry.load(registry).toString());
        assertEquals(10, Registry.load(registry).size());

        CliRun again = backfill(url, ns, registry);
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("0 files read, 0 read for the feature windows only, 10 skipped"), again.err());
        assertTrue(again.err().contains("wrote 0 flows"), again.err());
    }

    @Test
    void killedMidwayThenRerunEveryRecordIsStoredOnceWithUninterruptedFeatures() throws Exception {
        String url = ElasticsearchServer.shared().url();
        String ns = "bfkilled";
        assertEquals(0, CliRun.of("setup", "--es", url, "--namespace", ns).exitCode());
        Path registry = tmp.resolve("registry.json");
        // Interpreted only, the child takes seconds per file instead of a fraction of one: the registry is
        // caught part-way on any machine rather than only on a slow one. On one thread its reading keeps pace
        // with what Elasticsearch acknowledges: the registry, saved every second while files are read, shows
        // files done and one part-way; on more, reading could end (and the saves with it) while the first
        // acknowledgements were still coming.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xint", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(arguments(url, ns, registry, 1));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!partlyDone(registry) && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(50);
            }
            assertTrue(child.isAlive(), "the child finished before it could be killed: "
                    + Files.readString(tmp.resolve("child.log")));
        } finally {
            child.destroyForcibly().waitFor();
        }
        String flows = "logs-flowscore.flow-" + ns;
        long afterKill = EsRequests.count(url, flows);
        assertTrue(afterKill > 0 && afterKill < RECORDS, "killed mid-run: " + afterKill);

        CliRun rerun = backfill(url, ns, registry);
        assertEquals(0, rerun.exitCode(), rerun.err());
        Matcher wrote = WROTE.matcher(rerun.err());
        assertTrue(wrote.find(), rerun.err());
        long rewritten = Long.parseLong(wrote.group(1).replace(",", ""));
        assertTrue(rewritten < RECORDS - 1000, "the rerun resumed instead of starting over: " + rerun.err());

        assertEquals(RECORDS, EsRequests.count(url, flows));
        assertEquals(0, EsRequests.repeatedValues(url, flows, "event.id").size());
        // The killed run and the rerun leave the alert groups the uninterrupted run named, each once.
        assertEquals(uninterrupted.stream().map(l -> tree(l).at("/flowscore/alert/group/id").asText(""))
                .filter(id -> !id.isEmpty()).distinct().count(), EsRequests.count(url, "logs-flowscore.alert-" + ns));
        JsonNode sums = featureSums(url, flows);
        for (String feature : WINDOW_FEATURES) {
            long expected = uninterrupted.stream().mapToLong(l -> tree(l).at("/flowscore/features/" + feature).asLong())
                    .sum();
            assertEquals(expected, sums.at("/" + feature + "/value").asLong(), feature);
        }
    }

    private record Position(long endOffset, String id) {
    }

    private static List<Position> positions(Path file) throws Exception {
        List<Position> out = new ArrayList<>();
        DocumentIds ids = new DocumentIds();
        new ConnectionReader(ReadOptions.defaults(), new ReadStats()).readPositioned(new InputFile(file),
                (c, line) -> out.add(new Position(line.endOffset(), ids.of(c))));
        return out;
    }

    private static RegistryEntry entry(Registry r, Path file, long offset, FileState state) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return new RegistryEntry(file.toString(), FileHead.read(file, channel).identity(), offset, Files.size(file),
                    state, r.now());
        }
    }

    /** Some files done and one part-way: the moment to kill. */
    private static boolean partlyDone(Path registry) {
        try {
            List<RegistryEntry> entries = Registry.load(registry);
            return entries.stream().filter(e -> e.state() == FileState.DONE).count() >= 2
                    && entries.stream().anyMatch(e -> e.state() == FileState.READING && e.offset() > 0);
        } catch (Exception e) {
            return false;
        }
    }

    private static JsonNode featureSums(String url, String index) {
        StringBuilder aggs = new StringBuilder();
        for (String f : WINDOW_FEATURES) {
            aggs.append(aggs.isEmpty() ? "" : ",").append("\"").append(f).append("\":{\"sum\":{\"field\":")
                    .append("\"flowscore.features.").append(f).append("\"}}");
        }
        EsRequests.Answer a = EsRequests.send(url, "POST", "/" + index + "/_search",
                "{\"size\":0,\"aggs\":{" + aggs + "}}", "application/json");
        assertEquals(200, a.status(), a.json().toString());
        return a.json().path("aggregations");
    }

    private static CliRun backfill(String url, String ns, Path registry, String... extra) {
        List<String> args = arguments(url, ns, registry);
        args.addAll(1, List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static List<String> arguments(String url, String ns, Path registry) {
        return arguments(url, ns, registry, 2);
    }

    private static List<String> arguments(String url, String ns, Path registry, int threads) {
        List<String> args = new ArrayList<>(List.of("backfill", "--es", url, "--namespace", ns, "--registry",
                registry.toString(), "--dead-letter", registry.resolveSibling("dead.ndjson").toString(), "--threads",
                Integer.toString(threads), "--threshold", THRESHOLD));
        HOURS.forEach(h -> args.add(h.toString()));
        return args;
    }

    private static String id(String line) {
        return tree(line).at("/event/id").asText();
    }

    private static JsonNode tree(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
