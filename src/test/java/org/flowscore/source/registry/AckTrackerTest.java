package org.flowscore.source.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.flowscore.flow.Acknowledgement;
import org.junit.jupiter.api.Test;

/** The acknowledged offset moves only over records that every output acknowledged, whatever the order. */
class AckTrackerTest {
    private static final FileIdentity FILE = new FileIdentity(1, 2, 0, "0".repeat(64));

    private final List<Long> advances = new ArrayList<>();
    private final AckTracker tracker = new AckTracker(FILE, 100, advances::add);

    @Test
    void outOfOrderAcknowledgementsAdvanceOnlyOverTheCompletePrefix() {
        PendingRecord a = tracker.record(110);
        PendingRecord b = tracker.record(125);
        PendingRecord c = tracker.record(140);
        c.acknowledged();
        assertEquals(100, tracker.acknowledgedOffset(), "c is done but a and b are not");
        a.acknowledged();
        assertEquals(110, tracker.acknowledgedOffset());
        b.acknowledged();
        assertEquals(140, tracker.acknowledgedOffset(), "b completes the prefix up to c");
        assertEquals(List.of(110L, 140L), advances);
        assertEquals(0, tracker.waiting());
    }

    @Test
    void linesWithoutRecordsMoveTheOffsetAtOnceOrRideOnTheLastWaitingRecord() {
        tracker.skip(105);
        assertEquals(105, tracker.acknowledgedOffset(), "a header with nothing waiting");
        PendingRecord r = tracker.record(120);
        tracker.skip(130);
        tracker.skip(131);
        assertEquals(105, tracker.acknowledgedOffset());
        assertEquals(1, tracker.waiting(), "skipped lines are not queued");
        r.acknowledged();
        assertEquals(131, tracker.acknowledgedOffset(), "the record's acknowledgement covers the lines after it");
    }

    @Test
    void aRecordIsAcknowledgedOnceOnly() {
        PendingRecord r = tracker.record(150);
        r.acknowledged();
        assertEquals(150, tracker.acknowledgedOffset());
        assertThrows(IllegalStateException.class, r::acknowledged);
    }

    @Test
    void aFlowAndItsAlertCopyAcknowledgeTheRecordOnce() {
        PendingRecord r = tracker.record(160);
        Acknowledgement twoDocuments = Acknowledgement.after(2, r);
        twoDocuments.acknowledged();
        assertEquals(100, tracker.acknowledgedOffset(), "the alert copy is not stored yet");
        twoDocuments.acknowledged();
        assertEquals(160, tracker.acknowledgedOffset());
    }

    @Test
    void shuffledAcknowledgementsFromManyThreadsEndAtTheLastRecordAndNeverGoBack() throws Exception {
        int n = 20_000;
        List<PendingRecord> records = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            if (i % 7 == 0) {
                tracker.skip(100 + 10L * i);
            } else {
                records.add(tracker.record(100 + 10L * i));
            }
        }
        List<PendingRecord> shuffled = new ArrayList<>(records);
        java.util.Collections.shuffle(shuffled, new Random(5));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int from = t;
            pool.submit(() -> {
                for (int i = from; i < shuffled.size(); i += 4) {
                    shuffled.get(i).acknowledged();
                }
            });
        }
        pool.shutdown();
        assertEquals(true, pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(100 + 10L * n, tracker.acknowledgedOffset());
        for (int i = 1; i < advances.size(); i++) {
            assertEquals(true, advances.get(i) > advances.get(i - 1), "offsets only grow");
        }
    }

    @Test
    void truncationRestartsAtZeroOnlyWhenNothingWaits() {
        PendingRecord r = tracker.record(120);
        assertThrows(IllegalStateException.class, tracker::restartAtZero);
        r.acknowledged();
        tracker.restartAtZero();
        assertEquals(0, tracker.acknowledgedOffset());
        assertEquals(0L, advances.getLast());
    }
}
