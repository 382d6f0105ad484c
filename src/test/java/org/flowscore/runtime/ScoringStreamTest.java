package org.flowscore.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.flow.Connection;
import org.flowscore.model.Model;
import org.flowscore.model.ModelBundle;
import org.flowscore.read.ConnectionReader;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.sink.Renditions;
import org.flowscore.source.InputFile;
import org.flowscore.testing.HeldOutput;
import org.flowscore.testing.StandInPipeline;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one runtime every command runs on: its acknowledgements ride with the records through windows and
 * model to the output, once each and in the same order whatever the number of scoring threads; connections
 * that only warm the windows up are never written yet shape the features of those after them.
 */
class ScoringStreamTest {
    private static Model model;
    private static List<Connection> connections;

    @BeforeAll
    static void read() throws Exception {
        model = ModelBundle.readNamed("default");
        List<Connection> read = new ArrayList<>();
        new ConnectionReader(ReadOptions.defaults(), new ReadStats()).readAll(
                StandInPipeline.ritaDay().subList(0, 3).stream().map(InputFile::new).toList(), read::add);
        connections = List.copyOf(read);
        assertTrue(connections.size() > 3000, "three hours of a real network: " + connections.size());
    }

    /** An acknowledgement that knows which record it belongs to and fails when called twice. */
    private record Numbered(int record, AtomicInteger calls) implements Acknowledgement {
        Numbered(int record) {
            this(record, new AtomicInteger());
        }

        @Override
        public void acknowledged() {
            assertEquals(1, calls.incrementAndGet(), "record " + record + " acknowledged twice");
        }
    }

    private static List<Numbered> run(int threads, HeldOutput output) {
        List<Numbered> acks = new ArrayList<>();
        try (ScoringStream stream = new ScoringStream(model, model.threshold(), output, threads)) {
            for (Connection c : connections) {
                Numbered ack = new Numbered(acks.size());
                acks.add(ack);
                stream.accept(c, ack);
            }
            stream.finish();
            assertEquals(connections.size(), stream.scored());
        }
        return acks;
    }

    @Test
    void everyRecordReachesTheOutputOnceWithItsOwnAcknowledgementInTheSameOrderWhateverTheThreads() {
        HeldOutput inline = HeldOutput.acknowledging();
        List<Numbered> inlineAcks = run(1, inline);
        HeldOutput parallel = HeldOutput.acknowledging();
        List<Numbered> parallelAcks = run(3, parallel);

        assertEquals(inline.events(), parallel.events(), "threads change the speed and nothing else");
        for (List<Numbered> acks : List.of(inlineAcks, parallelAcks)) {
            assertTrue(acks.stream().allMatch(a -> a.calls().get() == 1), "every record acknowledged once");
        }
        for (int i = 0; i < parallel.size(); i++) {
            var flow = parallel.flows().get(i).flow();
            Numbered ack = (Numbered) flow.ack();
            assertSame(connections.get(ack.record()), flow.connection(), "the handle rides with its own record");
            assertEquals(((Numbered) inline.flows().get(i).flow().ack()).record(), ack.record(),
                    "the reorder buffer's order, the same on one thread or three");
        }
    }

    @Test
    void heldAcknowledgementsStayWithTheOutputAndNothingElseAcknowledges() {
        HeldOutput output = new HeldOutput(new Renditions(true, false, false), i -> i % 3 != 0);
        List<Numbered> acks = run(2, output);
        List<Integer> held = output.held();
        assertEquals((connections.size() + 2) / 3, held.size());
        assertEquals(connections.size() - held.size(), acks.stream().filter(a -> a.calls().get() == 1).count());
        for (int i = held.size() - 1; i >= 0; i--) {
            output.release(held.get(i));
        }
        assertTrue(acks.stream().allMatch(a -> a.calls().get() == 1), "released late and backwards, once each");
    }

    @Test
    void warmUpConnectionsAreNeverWrittenYetGiveTheLaterOnesTheFeaturesOfAWholeRun() {
        HeldOutput whole = HeldOutput.acknowledging();
        run(1, whole);
        int half = connections.size() / 2;
        HeldOutput resumed = HeldOutput.acknowledging();
        List<Numbered> acks = new ArrayList<>();
        try (ScoringStream stream = new ScoringStream(model, model.threshold(), resumed, 1)) {
            for (int i = 0; i < connections.size(); i++) {
                if (i < half) {
                    stream.warmUp(connections.get(i));
                } else {
                    Numbered ack = new Numbered(i);
                    acks.add(ack);
                    stream.accept(connections.get(i), ack);
                }
            }
            stream.finish();
            assertEquals(connections.size() - half, stream.scored());
        }
        List<String> expected = whole.flows().stream()
                .filter(f -> ((Numbered) f.flow().ack()).record() >= half).map(HeldOutput::event).toList();
        assertEquals(expected, resumed.events());

        HeldOutput cold = HeldOutput.acknowledging();
        try (ScoringStream stream = new ScoringStream(model, model.threshold(), cold, 1)) {
            connections.subList(half, connections.size()).forEach(c -> stream.accept(c, Acknowledgement.NONE));
            stream.finish();
        }
        assertTrue(!expected.equals(cold.events()), "without the warm-up the windows start empty");
    }

    @Test
    void theRendererMakesOnlyWhatTheOutputNeeds() {
        HeldOutput csvOnly = new HeldOutput(new Renditions(false, false, true), i -> true);
        run(2, csvOnly);
        var first = csvOnly.flows().getFirst();
        assertNull(first.event());
        assertNull(first.id());
        assertNotNull(first.csv());
        HeldOutput alerts = new HeldOutput(new Renditions(true, true, false), i -> true);
        run(1, alerts);
        assertTrue(alerts.flows().stream().allMatch(f -> (f.alert() != null) == f.flow().attack()),
                "an alert copy for every flagged flow and no other");
    }
}
