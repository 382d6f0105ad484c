package org.flowscore.source.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-19T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private FileHead head(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return FileHead.read(file, ch);
        }
    }

    private RegistryEntry entry(Path file, long offset) throws IOException {
        return new RegistryEntry(file.toString(), head(file).identity(), offset, Files.size(file), FileState.READING,
                CLOCK.instant());
    }

    @Test
    void savedEntriesComeBackAfterReopening() throws Exception {
        Path log = Files.writeString(tmp.resolve("conn.log"), "#separator \\x09\nline 1\n");
        Path file = tmp.resolve("registry.json");
        try (Registry r = Registry.open(file, false, CLOCK)) {
            r.put(entry(log, 0));
            r.advance(head(log).identity(), 17);
            r.advance(head(log).identity(), 5);
        }
        List<RegistryEntry> loaded = Registry.load(file);
        assertEquals(1, loaded.size());
        RegistryEntry e = loaded.getFirst();
        assertEquals(17, e.offset(), "offsets never move back");
        assertEquals(log.toString(), e.path());
        assertEquals(FileState.READING, e.state());
        assertEquals(head(log).identity(), e.identity());
        String json = Files.readString(file);
        assertTrue(json.contains("\"version\" : 1"), json);
        assertTrue(json.contains("\"state\" : \"reading\""), json);
        assertFalse(Files.exists(tmp.resolve(".registry.json.tmp")), "the temporary file was renamed into place");
    }

    @Test
    void aSaveReplacesTheFileWholeAndSkipsWritingWhenNothingChanged() throws Exception {
        Path log = Files.writeString(tmp.resolve("conn.log"), "a\n");
        Path file = tmp.resolve("registry.json");
        try (Registry r = Registry.open(file, false, CLOCK)) {
            r.put(entry(log, 0));
            r.save();
            long inode = FileHead.deviceAndInode(file)[1];
            r.advance(head(log).identity(), 2);
            r.save();
            assertTrue(inode != FileHead.deviceAndInode(file)[1], "a new file was renamed over the old one");
            long again = FileHead.deviceAndInode(file)[1];
            r.save();
            assertEquals(again, FileHead.deviceAndInode(file)[1], "no change, no write");
        }
    }

    @Test
    void aNewFileOnAReusedInodeIsNotTheOldOne() throws Exception {
        Path log = Files.writeString(tmp.resolve("conn.log"), "#fields\told content\n");
        try (Registry r = Registry.open(tmp.resolve("registry.json"), false, CLOCK)) {
            r.put(entry(log, 20));
            assertTrue(r.find(head(log)).isPresent());
            // Same inode, other bytes: what a re-used inode looks like from here.
            try (FileChannel ch = FileChannel.open(log, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap("#fields\tnew".getBytes(StandardCharsets.UTF_8)), 0);
            }
            assertTrue(r.find(head(log)).isEmpty());
        }
    }

    @Test
    void aShortFilesFingerprintStillMatchesOnceItHasGrown() throws Exception {
        Path log = Files.writeString(tmp.resolve("conn.log"), "first line\n");
        try (Registry r = Registry.open(tmp.resolve("registry.json"), false, CLOCK)) {
            r.put(entry(log, 11));
            Files.writeString(log, "x".repeat(3000) + "\n", StandardOpenOption.APPEND);
            FileHead grown = head(log);
            assertTrue(r.find(grown).isPresent());
            assertEquals(FileHead.FINGERPRINT_BYTES, grown.identity().fingerprintBytes());
            assertEquals(11, r.find(grown).get().identity().fingerprintBytes());
        }
    }

    @Test
    void aCorruptRegistryIsRefusedNamingTheFileAndResetStartsOver() throws Exception {
        Path file = tmp.resolve("registry.json");
        Files.writeString(file, "{\"version\": 1, \"files\": [{\"path\": \"conn.log\", \"dev");
        RegistryException e = assertThrows(RegistryException.class, () -> Registry.open(file, false, CLOCK));
        assertTrue(e.getMessage().startsWith("registry " + file + " not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("--reset-registry"), e.getMessage());

        try (Registry r = Registry.open(file, true, CLOCK)) {
            assertEquals(List.of(), r.entries());
        }
        assertTrue(Files.readString(tmp.resolve("registry.json.old")).startsWith("{\"version\": 1"), "kept aside");
    }

    @Test
    void aDamagedEntryIsNamed() throws Exception {
        Path file = tmp.resolve("registry.json");
        Files.writeString(file, "{\"version\": 1, \"files\": [{\"path\": \"conn.log\", \"device\": 1, \"inode\": 2,"
                + " \"fingerprintBytes\": 0, \"fingerprint\": \"" + "a".repeat(64) + "\", \"offset\": \"ten\","
                + " \"size\": 0, \"state\": \"reading\", \"lastSeen\": \"2026-04-19T10:00:00Z\"}]}");
        RegistryException e = assertThrows(RegistryException.class, () -> Registry.load(file));
        assertTrue(e.getMessage().contains("files[0]: \"offset\" is missing or not a whole number"), e.getMessage());
    }

    @Test
    void anOlderOrNewerVersionIsRefusedNotGuessedAt() throws Exception {
        Path file = tmp.resolve("registry.json");
        Files.writeString(file, "{\"files\": []}");
        RegistryException older = assertThrows(RegistryException.class, () -> Registry.load(file));
        assertTrue(older.getMessage().contains("has no version number: written by an older flowscore"),
                older.getMessage());
        Files.writeString(file, "{\"version\": 2, \"files\": []}");
        RegistryException newer = assertThrows(RegistryException.class, () -> Registry.load(file));
        assertTrue(newer.getMessage().contains("is registry version 2, this flowscore reads version 1 (written by a"
                + " newer flowscore)"), newer.getMessage());
    }

    @Test
    void oneRunAtATime() throws Exception {
        Path file = tmp.resolve("registry.json");
        try (Registry ignored = Registry.open(file, false, CLOCK)) {
            RegistryException e = assertThrows(RegistryException.class, () -> Registry.open(file, false, CLOCK));
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
        }
        Registry.open(file, false, CLOCK).close();
    }

    @Test
    void rotatedFilesNotSeenForLongAreForgotten() throws Exception {
        Path a = Files.writeString(tmp.resolve("conn.1.log"), "a\n");
        Path b = Files.writeString(tmp.resolve("conn.log"), "b\n");
        try (Registry r = Registry.open(tmp.resolve("registry.json"), false, CLOCK)) {
            r.put(entry(a, 2).withState(FileState.ROTATED, CLOCK.instant().minusSeconds(90_000)));
            r.put(entry(b, 2));
            r.forgetRotatedBefore(CLOCK.instant().minusSeconds(86_400));
            assertEquals(List.of(b.toString()), r.entries().stream().map(RegistryEntry::path).toList());
        }
    }
}
