package org.flowscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import org.flowscore.source.registry.FileHead;
import org.flowscore.source.registry.FileState;
import org.flowscore.source.registry.Registry;
import org.flowscore.source.registry.RegistryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flowscore status}: a registry's files, offsets and states, and clear words for a damaged one. */
class StatusCommandTest {
    @TempDir
    Path dir;

    @Test
    void showsEachFilesOffsetSizeAndState() throws Exception {
        Path log = dir.resolve("conn.log");
        Files.writeString(log, "#separator \\x09\n" + "x".repeat(1999) + "\n");
        Path registry = dir.resolve("registry.json");
        try (Registry r = Registry.open(registry, false);
             FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
            r.put(new RegistryEntry(log.toString(), FileHead.read(log, channel).identity(), 500, 2017, FileState.READING,
                    r.now()));
        }
        CliRun run = CliRun.of("status", "--registry", registry.toString());
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        assertTrue(lines[0].startsWith("state             offset            size   done  last seen"), run.out());
        assertTrue(lines[1].matches("reading\\s+500\\s+2,017\\s+24\\.8%\\s+\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\s+"
                + Pattern.quote(log.toString()) + " \\(\\d+:\\d+:[0-9a-f]{8}\\)"), lines[1]);
    }

    @Test
    void aDamagedRegistryNamesTheWayToStartOver() throws Exception {
        Path registry = dir.resolve("registry.json");
        Files.writeString(registry, "not json");
        CliRun run = CliRun.of("status", "--registry", registry.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("--reset-registry"), run.err());
        assertEquals(dir.resolve("none.json") + ": no files yet\n",
                CliRun.of("status", "--registry", dir.resolve("none.json").toString()).out());
    }
}
