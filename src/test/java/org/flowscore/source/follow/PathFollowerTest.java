package org.flowscore.source.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.flowscore.source.SourceLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following one path through each way logs are rotated, on hand-written files. */
class PathFollowerTest {
    @TempDir
    Path dir;

    /** What the follower reported, in order: lines as text, and events as "opened"/"rotated"/"truncated". */
    private final List<String> seen = new ArrayList<>();

    private PathFollower follower(Path path) {
        return new PathFollower(path, 1 << 20, new PathFollower.Listener() {
            @Override
            public void opened(OpenLog log) {
                seen.add("opened");
            }

            @Override
            public void line(OpenLog log, SourceLine line) {
                seen.add(new String(line.bytes(), StandardCharsets.UTF_8) + "@" + line.offset() + "-" + line.endOffset());
            }

            @Override
            public void rotated(OpenLog log) {
                seen.add("rotated");
            }

            @Override
            public void truncated(OpenLog log) {
                seen.add("truncated");
            }
        });
    }

    private static void append(Path path, String text) throws IOException {
        Files.writeString(path, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void aPathThatDoesNotExistYetIsPickedUpWhenItAppearsAndALineWaitsForItsNewline() throws IOException {
        Path log = dir.resolve("conn.log");
        try (PathFollower f = follower(log)) {
            assertEquals(0, f.poll(100));
            append(log, "one\ntw");
            assertEquals(1, f.poll(100));
            append(log, "o\r\nthree\n");
            assertEquals(2, f.poll(100));
            assertEquals(List.of("opened", "one@0-4", "two@4-9", "three@9-15"), seen);
        }
    }

    @Test
    void aRenameIsDrainedToTheLastByteBeforeTheNewFileIsRead() throws IOException {
        Path log = dir.resolve("conn.log");
        append(log, "a1\n");
        try (PathFollower f = follower(log);
             OutputStream writer = new FileOutputStream(log.toFile(), true)) {
            f.poll(100);
            Files.move(log, dir.resolve("conn.2024-04-19-10-00-00.log"));
            // The writer still holds the renamed file: what it writes now belongs to the old file.
            writer.write("a2\na3-unterminated".getBytes(StandardCharsets.UTF_8));
            writer.flush();
            append(log, "b1\n");
            f.poll(100);
            assertEquals(List.of("opened", "a1@0-3", "a2@3-6", "a3-unterminated@6-21", "rotated", "opened", "b1@0-3"),
                    seen);
        }
    }

    @Test
    void aLimitOnLinesDefersTheRotationCheckUntilTheOldFileIsCaughtUp() throws IOException {
        Path log = dir.resolve("conn.log");
        append(log, "a1\na2\na3\n");
        try (PathFollower f = follower(log)) {
            assertEquals(2, f.poll(2));
            Files.move(log, dir.resolve("old.log"));
            append(log, "b1\n");
            assertEquals(2, f.poll(2), "a3 (caught up: fewer than asked), then the new file's b1");
            assertEquals(List.of("opened", "a1@0-3", "a2@3-6", "a3@6-9", "rotated", "opened", "b1@0-3"), seen);
        }
    }

    @Test
    void copytruncateReadsTheFileAgainFromItsStart() throws IOException {
        Path log = dir.resolve("eve.json");
        append(log, "first-content-line\n");
        try (PathFollower f = follower(log)) {
            f.poll(100);
            Files.write(log, new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
            append(log, "new\n");
            f.poll(100);
            assertEquals(List.of("opened", "first-content-line@0-19", "truncated", "opened", "new@0-4"), seen);
        }
    }

    @Test
    void deletionThenRecreationIsARotation() throws IOException {
        Path log = dir.resolve("conn.log");
        append(log, "x\n");
        try (PathFollower f = follower(log)) {
            f.poll(100);
            Files.delete(log);
            f.poll(100);
            assertNull(f.current());
            append(log, "y\n");
            f.poll(100);
            assertEquals(List.of("opened", "x@0-2", "rotated", "opened", "y@0-2"), seen);
        }
    }

    @Test
    void anOverlongLineKeepsOnlyItsStartAndTheNextLineIsIntact() throws IOException {
        Path log = dir.resolve("conn.log");
        append(log, "z".repeat(5000) + "\nok\n");
        List<SourceLine> lines = new ArrayList<>();
        try (OpenLog open = OpenLog.open(log, 1000)) {
            open.readLines(10, lines::add);
        }
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).overlong());
        assertEquals(256, lines.get(0).bytes().length);
        assertEquals(5001, lines.get(0).endOffset());
        assertEquals("ok", new String(lines.get(1).bytes(), StandardCharsets.UTF_8));
    }
}
