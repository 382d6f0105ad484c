package org.flowscore.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.flowscore.flow.CommunityId;
import org.flowscore.flow.SourceFormat;
import org.flowscore.format.ReaderContext;
import org.flowscore.model.Model;
import org.flowscore.model.ModelBundle;
import org.flowscore.read.ReadOptions;
import org.flowscore.runtime.BatchRun;
import org.flowscore.sink.RenderedFlow;
import org.flowscore.sink.Renditions;
import org.flowscore.source.InputFile;
import org.flowscore.source.LineSource;
import org.flowscore.source.registry.FileState;
import org.flowscore.source.registry.Registry;
import org.flowscore.source.registry.RegistryEntry;
import org.flowscore.testing.HeldOutput;
import org.flowscore.testing.StandInPipeline;
import org.flowscore.testing.Tails;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tail daemon in this JVM, over an hour of a real network's conn.log, with an output that acknowledges
 * out of order and never acknowledges some flows before it stops: the registry stops exactly at the first
 * record not acknowledged, and the next run delivers from there the documents an uninterrupted read gives.
 */
class TailRunnerTest {
    private static final String SENSOR = "tail-test";
    private static Model model;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws Exception {
        model = ModelBundle.readNamed("default");
    }

    /** Where each record's line starts, by uid, and the file's size. */
    private record Lines(Map<String, Long> startByUid, Map<String, Integer> indexByUid, long size) {
        static Lines of(Path log) throws Exception {
            byte[] bytes = Files.readAllBytes(log);
            String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
            Map<String, Long> starts = new HashMap<>();
            Map<String, Integer> indexes = new HashMap<>();
            int uidColumn = -1;
            long offset = 0;
            for (String line : lines) {
                if (line.startsWith("#fields")) {
                    uidColumn = List.of(line.split("\t")).indexOf("uid") - 1;
                } else if (!line.startsWith("#") && !line.isEmpty()) {
                    String uid = line.split("\t")[uidColumn];
                    starts.put(uid, offset);
                    indexes.put(uid, indexes.size());
                }
                offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
            }
            return new Lines(starts, indexes, bytes.length);
        }
    }

    private Path hourOfConnLog() throws Exception {
        Path log = tmp.resolve("conn.log");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(StandInPipeline.ritaDay().get(1)))) {
            Files.copy(in, log);
        }
        return log;
    }

    private TailStatus tail(Path log, HeldOutput output, int expectFlows) throws Exception {
        return tail(log, output, expectFlows, 1);
    }

    private TailStatus tail(Path log, HeldOutput output, int expectFlows, int threads) throws Exception {
        TailSettings settings = Tails.oneLog(log, SENSOR, tmp.resolve("registry.json"), threads);
        StringWriter notes = new StringWriter();
        TailRunner runner = new TailRunner(settings, model, model.threshold(), output, () -> null, null,
                new PrintWriter(notes, true));
        CompletableFuture<TailStatus> run = Tails.start(runner, Duration.ofMillis(200));
        output.awaitSize(expectFlows, Duration.ofSeconds(60));
        runner.requestStop();
        TailStatus status = run.get(30, TimeUnit.SECONDS);
        assertEquals(1, output.finishes(), "the outputs are finished once, at the stop");
        assertEquals(expectFlows, status.flows(), notes.toString());
        return status;
    }

    private static RegistryEntry entry(Path registry) throws Exception {
        List<RegistryEntry> entries = Registry.load(registry);
        assertEquals(1, entries.size());
        return entries.getFirst();
    }

    @Test
    void theRegistryStopsAtTheFirstUnacknowledgedRecordAndTheNextRunDeliversWhatAnUninterruptedOneWould()
            throws Exception {
        Path log = hourOfConnLog();
        Lines lines = Lines.of(log);
        int records = lines.indexByUid().size();
        assertTrue(records > 1000, "an hour of a real network: " + records);

        // Acknowledged: the first 40 % as they come, then every third; the rest never, as at a lost destination.
        int firstHeld = records * 2 / 5;
        HeldOutput first = new HeldOutput(new Renditions(true, false, false),
                (position, flow) -> position < firstHeld || position % 3 == 0);
        tail(log, first, records);
        long expectedOffset = first.held().stream()
                .map(p -> first.flows().get(p).flow().connection().recordId())
                .mapToLong(uid -> lines.startByUid().get(uid)).min().orElseThrow();
        RegistryEntry afterFirst = entry(tmp.resolve("registry.json"));
        assertEquals(expectedOffset, afterFirst.offset(),
                "the start of the first record in the file that was never acknowledged: no further, no less");
        assertEquals(FileState.READING, afterFirst.state());

        // Held flows are never acknowledged late: the run is over, the registry saved.
        first.held().forEach(first::release);
        assertEquals(expectedOffset, entry(tmp.resolve("registry.json")).offset(), "a stopped run saves no more");

        int firstAgain = lines.indexByUid().entrySet().stream()
                .filter(e -> lines.startByUid().get(e.getKey()) == expectedOffset)
                .mapToInt(Map.Entry::getValue).findFirst().orElseThrow();
        HeldOutput second = HeldOutput.acknowledging();
        tail(log, second, records - firstAgain);
        assertEquals(lines.size(), entry(tmp.resolve("registry.json")).offset(), "every record acknowledged");

        HeldOutput uninterrupted = HeldOutput.acknowledging();
        BatchRun.run(List.of(new InputFile(log)), new ReadOptions(SourceFormat.ZEEK_TSV, false,
                LineSource.DEFAULT_MAX_LINE_BYTES, new ReaderContext(SENSOR, new CommunityId(0))), model,
                model.threshold(), uninterrupted, 1);
        List<String> fromThere = uninterrupted.flows().stream()
                .filter(f -> lines.indexByUid().get(f.flow().connection().recordId()) >= firstAgain)
                .map(HeldOutput::event).toList();
        assertEquals(fromThere, second.events(), "the lines before fed the windows: the same documents");
    }

    @Test
    void onSeveralScoringThreadsALogGivesScoresDocumentsInItsOrder() throws Exception {
        Path log = hourOfConnLog();
        int records = Lines.of(log).indexByUid().size();
        HeldOutput followed = HeldOutput.acknowledging();
        tail(log, followed, records, 3);
        assertEquals(Lines.of(log).size(), entry(tmp.resolve("registry.json")).offset(), "every record acknowledged");

        HeldOutput scored = HeldOutput.acknowledging();
        BatchRun.run(List.of(new InputFile(log)), new ReadOptions(SourceFormat.ZEEK_TSV, false,
                LineSource.DEFAULT_MAX_LINE_BYTES, new ReaderContext(SENSOR, new CommunityId(0))), model,
                model.threshold(), scored, 1);
        assertEquals(scored.events(), followed.events());
    }
}
