package org.flowscore.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.flowscore.allowlist.Allowlist;
import org.flowscore.backfill.BackfillPlan;
import org.flowscore.backfill.BackfillRun;
import org.flowscore.backfill.Checkpoints;
import org.flowscore.backfill.ProgressDisplay;
import org.flowscore.backfill.TimeRange;
import org.flowscore.flow.CommunityId;
import org.flowscore.flow.SourceFormat;
import org.flowscore.format.ReaderContext;
import org.flowscore.model.Model;
import org.flowscore.model.ModelBundle;
import org.flowscore.read.ReadOptions;
import org.flowscore.runtime.BatchRun;
import org.flowscore.sink.Renditions;
import org.flowscore.source.InputFile;
import org.flowscore.source.LineSource;
import org.flowscore.tail.TailRunner;
import org.flowscore.tail.TailSettings;
import org.flowscore.testing.HeldOutput;
import org.flowscore.testing.StandInPipeline;
import org.flowscore.testing.Tails;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four hours of a real Internet-facing host's conn.log, scored with the shipped model: {@code score} on one thread
 * and on three, {@code backfill} on two and {@code tail} write the same alert group documents, in the same order;
 * and a tail stopped while the store had not acknowledged some groups reads their flows again on its next start and
 * writes the groups an uninterrupted run writes.
 */
class AlertGroupsAcrossRunsTest {
    private static final String SENSOR = "groups-test";
    private static final ReadOptions READ = new ReadOptions(SourceFormat.ZEEK_TSV, false,
            LineSource.DEFAULT_MAX_LINE_BYTES, new ReaderContext(SENSOR, new CommunityId(0)));
    private static Model model;
    private static Path log;
    private static Map<String, String> uninterrupted;

    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    @BeforeAll
    static void scoreFourHours() throws Exception {
        model = ModelBundle.readNamed("default");
        log = shared.resolve("conn.log");
        try (OutputStream out = Files.newOutputStream(log)) {
            for (Path hour : StandInPipeline.ritaDay().subList(0, 4)) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(hour))) {
                    in.transferTo(out);
                }
            }
        }
        uninterrupted = byId(score(1));
    }

    private static HeldOutput score(int threads) throws Exception {
        HeldOutput stored = new HeldOutput(new Renditions(true, true, false), i -> true);
        BatchRun.run(List.of(new InputFile(log)), READ, model, model.threshold(), alerting(stored), threads);
        return stored;
    }

    private static AlertingOutput alerting(HeldOutput stored) {
        return new AlertingOutput(stored, AlertSettings.DEFAULT, () -> Allowlist.EMPTY);
    }

    /** The documents a store that keeps the first of each id holds, in the order they were first written. */
    private static Map<String, String> byId(HeldOutput stored) {
        Map<String, String> kept = new LinkedHashMap<>();
        stored.alerts().forEach(a -> kept.putIfAbsent(a.id(), a.document()));
        return kept;
    }

    @Test
    void scoreOnAnyThreadsBackfillAndTailWriteTheSameGroups() throws Exception {
        assertTrue(uninterrupted.size() > 100, "groups of four hours: " + uninterrupted.size());
        HeldOutput once = score(1);
        HeldOutput threaded = score(3);
        assertEquals(once.alerts(), threaded.alerts(), "three scoring threads");

        HeldOutput backfilled = new HeldOutput(new Renditions(true, true, false), i -> true);
        AlertingOutput output = alerting(backfilled);
        BackfillPlan plan = BackfillPlan.of(List.of(new InputFile(log)), TimeRange.ALL, ZoneOffset.UTC, READ,
                model.info().featureSettings(), Checkpoints.NONE);
        new BackfillRun(plan, new BackfillRun.Settings(READ, TimeRange.ALL, 2, model, model.threshold()),
                Checkpoints.NONE, output, counts -> ProgressDisplay.none()).run();
        assertEquals(once.alerts(), backfilled.alerts(), "backfill on two threads");

        HeldOutput tailed = new HeldOutput(new Renditions(true, true, false), i -> true);
        tail(tailed, once.size(), once.alerts().size());
        assertEquals(once.alerts(), tailed.alerts(), "tail");
    }

    @Test
    void aTailStoppedWithGroupsNotStoredRebuildsThemOnItsNextStart() throws Exception {
        // The store acknowledges the first third of the group documents; the rest never arrive.
        int acknowledged = uninterrupted.size() / 3;
        HeldOutput first = new HeldOutput(new Renditions(true, true, false), i -> true)
                .holdingAlerts(i -> i < acknowledged);
        HeldOutput all = score(1);
        tail(first, all.size(), all.alerts().size());
        HeldOutput second = new HeldOutput(new Renditions(true, true, false), i -> true);
        tail(second, -1, -1);

        Map<String, String> stored = new LinkedHashMap<>();
        first.alerts().subList(0, acknowledged).forEach(a -> stored.putIfAbsent(a.id(), a.document()));
        second.alerts().forEach(a -> stored.putIfAbsent(a.id(), a.document()));
        assertEquals(Map.copyOf(uninterrupted), Map.copyOf(stored),
                "what the store holds after the restart is what one uninterrupted run writes");
        assertTrue(second.size() < all.size(), "the second run read only from the first unstored group's flows: "
                + second.size() + " of " + all.size());
    }

    /**
     * Tails the log until the output holds {@code flows} flows and {@code groups} alert documents (or, with -1,
     * until it has been caught up for a while), then stops it.
     */
    private void tail(HeldOutput stored, int flows, int groups) throws Exception {
        TailSettings settings = Tails.oneLog(log, SENSOR, tmp.resolve("registry.json"));
        StringWriter notes = new StringWriter();
        TailRunner runner = new TailRunner(settings, model, model.threshold(), alerting(stored), () -> null, null,
                new PrintWriter(notes, true));
        CompletableFuture<?> run = Tails.start(runner, Duration.ofMillis(500));
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        if (flows >= 0) {
            stored.awaitSize(flows, Duration.ofSeconds(90));
            while (stored.alerts().size() < groups && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } else {
            int seen = -1;
            while (stored.size() != seen && System.nanoTime() < deadline) {
                seen = stored.size();
                Thread.sleep(1500);
            }
        }
        runner.requestStop();
        run.get(30, TimeUnit.SECONDS);
        assertTrue(groups < 0 || stored.alerts().size() == groups, notes.toString());
    }
}
