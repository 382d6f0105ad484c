package org.flowscore.source.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint tracker tail and backfill share: the registry's offset of a file is never ahead of what every
 * output acknowledged, whatever order acknowledgements come in or if some never come, and a file is done only
 * once read to its end with every record acknowledged.
 */
class FileCheckpointsTest {
    @TempDir
    Path tmp;

    private FileHead write(String name, int lines) throws IOException {
        Path file = tmp.resolve(name);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append("line ").append(name).append(' ').append(i).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return FileHead.read(file, channel);
        }
    }

    private static long offset(Registry registry, FileHead head) {
        return registry.find(head).orElseThrow().offset();
    }

    private static FileState state(Registry registry, FileHead head) {
        return registry.find(head).orElseThrow().state();
    }

    @Test
    void shuffledAcknowledgementsMoveTheOffsetOnlyOverTheAcknowledgedPrefix() throws Exception {
        FileHead head = write("conn.log", 10);
        try (Registry registry = Registry.open(tmp.resolve("registry.json"), false)) {
            FileCheckpoints checkpoints = new FileCheckpoints(registry);
            AckTracker tracker = checkpoints.open(tmp.resolve("conn.log"), head, 5000, 0);
            int n = 500;
            List<PendingRecord> records = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                records.add(tracker.record(10L * i));
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(15));
            boolean[] done = new boolean[n];
            for (int i : order) {
                records.get(i).acknowledged();
                done[i] = true;
                int prefix = 0;
                while (prefix < n && done[prefix]) {
                    prefix++;
                }
                assertEquals(10L * prefix, offset(registry, head), "the registry holds the acknowledged prefix");
            }
        }
    }

    @Test
    void aFileIsDoneOnlyOnceReadToItsEndWithEveryRecordAcknowledged() throws Exception {
        FileHead head = write("conn.log.1", 3);
        try (Registry registry = Registry.open(tmp.resolve("registry.json"), false)) {
            FileCheckpoints checkpoints = new FileCheckpoints(registry);
            AckTracker tracker = checkpoints.open(tmp.resolve("conn.log.1"), head, 30, 0);
            assertEquals(FileState.READING, state(registry, head));
            PendingRecord first = tracker.record(10);
            PendingRecord second = tracker.record(20);
            first.acknowledged();
            checkpoints.settle();
            assertEquals(FileState.READING, state(registry, head), "not read to its end yet");
            checkpoints.readToEnd(tracker, FileState.ROTATED);
            checkpoints.settle();
            assertEquals(FileState.ROTATED, state(registry, head), "one record still waits");
            second.acknowledged();
            assertEquals(FileState.ROTATED, state(registry, head), "done is marked at the next settle");
            checkpoints.settle();
            assertEquals(FileState.DONE, state(registry, head));
            assertEquals(20, offset(registry, head));
        }
    }

    @Test
    void recordsNeverAcknowledgedAreReadAgainByTheNextRunAndNothingBefore() throws Exception {
        FileHead head = write("eve.json", 4);
        Path file = tmp.resolve("registry.json");
        try (Registry registry = Registry.open(file, false)) {
            FileCheckpoints checkpoints = new FileCheckpoints(registry);
            AckTracker tracker = checkpoints.open(tmp.resolve("eve.json"), head, 40, 0);
            PendingRecord a = tracker.record(10);
            tracker.record(20);
            PendingRecord c = tracker.record(30);
            a.acknowledged();
            c.acknowledged();
            checkpoints.readToEnd(tracker, FileState.ROTATED);
            checkpoints.save();
        }
        try (Registry registry = Registry.open(file, false)) {
            FileCheckpoints checkpoints = new FileCheckpoints(registry);
            assertTrue(checkpoints.known(head).isPresent());
            assertEquals(FileState.ROTATED, checkpoints.known(head).orElseThrow().state(), "not done: b never came");
            AckTracker again = checkpoints.open(tmp.resolve("eve.json"), head, 40, 0);
            assertEquals(10, again.acknowledgedOffset(), "delivered again from the record never acknowledged");
            assertEquals(FileState.READING, state(registry, head));
        }
    }

    @Test
    void aFileUnknownToTheRegistryStartsWhereTheCallerSays() throws Exception {
        FileHead head = write("conn.log", 5);
        try (Registry registry = Registry.open(tmp.resolve("registry.json"), false)) {
            FileCheckpoints checkpoints = new FileCheckpoints(registry);
            assertTrue(checkpoints.known(head).isEmpty());
            AckTracker atEnd = checkpoints.open(tmp.resolve("conn.log"), head, 123, 123);
            assertEquals(123, atEnd.acknowledgedOffset(), "--start-at-end: the lines before only warm up");
            atEnd.skip(150);
            assertEquals(150, offset(registry, head), "lines without a record move it when nothing waits");
        }
    }
}
