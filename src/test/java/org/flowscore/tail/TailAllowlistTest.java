package org.flowscore.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.flowscore.alerts.AlertSettings;
import org.flowscore.alerts.AlertingOutput;
import org.flowscore.allowlist.WatchedAllowlist;
import org.flowscore.model.Model;
import org.flowscore.model.ModelBundle;
import org.flowscore.sink.RenderedFlow;
import org.flowscore.sink.Renditions;
import org.flowscore.testing.HeldOutput;
import org.flowscore.testing.StandInPipeline;
import org.flowscore.testing.Tails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running tail takes a changed allowlist file into force without a restart, and keeps the list in force when the
 * file is saved with a mistake (saying on which line): three hours of a real conn.log arrive one after another while
 * the allowlist changes between them.
 */
class TailAllowlistTest {
    private static final String HOST = "64.225.56.201";

    @TempDir
    Path tmp;

    private final StringWriter notes = new StringWriter();

    private static void appendHour(Path log, int hour) throws Exception {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(StandInPipeline.ritaDay().get(hour)));
             OutputStream out = Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            in.transferTo(out);
        }
    }

    private static int records(int hour) throws Exception {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(StandInPipeline.ritaDay().get(hour)))) {
            return (int) new String(in.readAllBytes()).lines().filter(l -> !l.startsWith("#")).count();
        }
    }

    private void awaitNote(String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!notes.toString().contains(text)) {
            assertTrue(System.nanoTime() < deadline, "no note '" + text + "' in:\n" + notes);
            Thread.sleep(50);
        }
    }

    @Test
    void aChangedAllowlistTakesEffectAndABrokenOneLeavesThePreviousInForce() throws Exception {
        Model model = ModelBundle.readNamed("default");
        Path log = tmp.resolve("conn.log");
        Path allowlist = Files.writeString(tmp.resolve("allowlist.yml"),
                "- id: exposed-host\n  comment: everything towards the exposed host\n  destination: " + HOST + "\n");
        WatchedAllowlist watched = WatchedAllowlist.open(allowlist);
        HeldOutput stored = new HeldOutput(new Renditions(true, true, false), i -> true);
        TailSettings settings = Tails.oneLog(log, "t", tmp.resolve("registry.json"));
        TailRunner runner = new TailRunner(settings, model, model.threshold(),
                new AlertingOutput(stored, AlertSettings.DEFAULT, watched::current), () -> null, watched,
                new PrintWriter(notes, true));
        CompletableFuture<?> run = Tails.start(runner, Duration.ofMillis(500));
        int first = records(0);
        appendHour(log, 0);
        stored.awaitSize(first, Duration.ofSeconds(60));

        Files.writeString(allowlist, "- id: resolver\n  comment: our resolver\n  destination: 192.0.2.53\n"
                + "  service: dns\n");
        awaitNote("allowlist " + allowlist + " changed; entries in force: 1");
        int second = records(1);
        appendHour(log, 1);
        stored.awaitSize(first + second, Duration.ofSeconds(60));

        Files.writeString(allowlist, "- id: resolver\n  comment: our resolver\n  destination: 192.0.2.530\n");
        awaitNote("allowlist " + allowlist + ":3: destination: '192.0.2.530' is not an address");
        appendHour(log, 2);
        stored.awaitSize(first + second + records(2), Duration.ofSeconds(60));
        runner.requestStop();
        run.get(30, TimeUnit.SECONDS);

        List<RenderedFlow> flows = stored.flows();
        Predicate<RenderedFlow> toHost = f -> f.flow().connection().key().destinationIp().equals(HOST);
        List<RenderedFlow> firstHour = flows.subList(0, first);
        assertTrue(firstHour.stream().filter(toHost).allMatch(f -> "exposed-host".equals(f.marks().allowlistEntry())));
        assertTrue(firstHour.stream().filter(toHost).anyMatch(f -> f.flow().attack()), "flagged, yet allowlisted");
        List<RenderedFlow> later = flows.subList(first, flows.size());
        assertTrue(later.stream().noneMatch(f -> f.marks().allowlistEntry() != null), "the new list covers none");
        assertTrue(later.stream().filter(f -> f.flow().attack()).allMatch(f -> f.marks().alertGroup() != null),
                "flagged flows alert again");
        assertEquals("resolver", watched.current().entries().getFirst().id(), "the broken file was not taken");
    }
}
