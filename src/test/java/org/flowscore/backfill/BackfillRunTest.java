package org.flowscore.backfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowscore.model.Model;
import org.flowscore.model.ModelBundle;
import org.flowscore.read.ConnectionReader;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.runtime.BatchRun;
import org.flowscore.sink.RenderedFlow;
import org.flowscore.sink.Renditions;
import org.flowscore.source.InputFile;
import org.flowscore.source.registry.FileState;
import org.flowscore.source.registry.Registry;
import org.flowscore.source.registry.RegistryEntry;
import org.flowscore.testing.HeldOutput;
import org.flowscore.testing.StandInPipeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backfill in this JVM over three hourly gzipped conn logs, readers and scoring on two threads, into an
 * output that never acknowledges the second half of the middle hour: the registry marks the other hours done
 * and keeps the middle one at its acknowledged prefix, and the next run writes exactly the rest, with the
 * documents an uninterrupted run gives.
 */
class BackfillRunTest {
    private static Model model;
    private static List<Path> hours;
    /** Each record's file and its index in that file's line order, by uid. */
    private static final Map<String, Integer> FILE_BY_UID = new HashMap<>();
    private static final Map<String, Integer> LINE_BY_UID = new HashMap<>();
    private static final List<Integer> RECORDS_PER_FILE = new ArrayList<>();

    @TempDir
    Path tmp;

    @BeforeAll
    static void read() throws Exception {
        model = ModelBundle.readNamed("default");
        hours = StandInPipeline.ritaDay().subList(0, 3);
        for (int f = 0; f < hours.size(); f++) {
            int file = f;
            int[] line = {0};
            new ConnectionReader(ReadOptions.defaults(), new ReadStats()).read(new InputFile(hours.get(f)), c -> {
                FILE_BY_UID.put(c.recordId(), file);
                LINE_BY_UID.put(c.recordId(), line[0]++);
            });
            RECORDS_PER_FILE.add(line[0]);
        }
    }

    private BackfillSummary backfill(HeldOutput output) throws Exception {
        try (RegistryCheckpoints checkpoints = new RegistryCheckpoints(
                Registry.open(tmp.resolve("registry.json"), false))) {
            BackfillPlan plan = BackfillPlan.of(hours.stream().map(InputFile::new).toList(), TimeRange.ALL,
                    ZoneOffset.UTC, ReadOptions.defaults(), model.info().featureSettings(), checkpoints);
            BackfillSummary summary = new BackfillRun(plan, new BackfillRun.Settings(ReadOptions.defaults(),
                    TimeRange.ALL, 2, model, model.threshold()), checkpoints, output, counts -> ProgressDisplay.none())
                    .run();
            output.finish();
            return summary;
        }
    }

    private static boolean heldInFirstRun(RenderedFlow flow) {
        String uid = flow.flow().connection().recordId();
        return FILE_BY_UID.get(uid) == 1 && LINE_BY_UID.get(uid) >= RECORDS_PER_FILE.get(1) / 2;
    }

    @Test
    void anInterruptedBackfillResumesAtTheFirstUnstoredRecordAndWritesWhatAnUninterruptedRunWould()
            throws Exception {
        HeldOutput first = new HeldOutput(new Renditions(true, false, false), (p, flow) -> !heldInFirstRun(flow));
        backfill(first);
        int total = RECORDS_PER_FILE.stream().mapToInt(Integer::intValue).sum();
        assertEquals(total, first.size());
        Map<Integer, RegistryEntry> entries = new HashMap<>();
        for (RegistryEntry e : Registry.load(tmp.resolve("registry.json"))) {
            entries.put(hours.indexOf(Path.of(e.path())), e);
        }
        assertEquals(FileState.DONE, entries.get(0).state());
        assertEquals(FileState.DONE, entries.get(2).state(), "done out of order: the middle hour is still open");
        assertEquals(FileState.READING, entries.get(1).state());
        assertTrue(entries.get(1).offset() > 0, "its stored first half: " + entries.get(1));

        HeldOutput second = HeldOutput.acknowledging();
        BackfillSummary resumed = backfill(second);
        int rest = RECORDS_PER_FILE.get(1) - RECORDS_PER_FILE.get(1) / 2;
        assertEquals(rest, second.size(), "exactly the records never stored: " + resumed);
        assertTrue(second.flows().stream().allMatch(BackfillRunTest::heldInFirstRun));

        HeldOutput uninterrupted = HeldOutput.acknowledging();
        BatchRun.run(hours.subList(0, 2).stream().map(InputFile::new).toList(), ReadOptions.defaults(), model,
                model.threshold(), uninterrupted, 1);
        List<String> expected = uninterrupted.flows().stream().filter(BackfillRunTest::heldInFirstRun)
                .map(HeldOutput::event).toList();
        assertEquals(expected, second.events(), "the hour before and the stored prefix fed the windows");
        for (RegistryEntry e : Registry.load(tmp.resolve("registry.json"))) {
            assertEquals(FileState.DONE, e.state(), e.path());
        }
    }
}
