package org.flowscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What tail says when its settings cannot run. */
class TailCommandTest {
    @TempDir
    Path dir;

    @Test
    void tailWithoutInputsOrOutputsSaysWhatIsMissing() {
        CliRun none = CliRun.of("tail", "-o", dir.resolve("x.ndjson").toString());
        assertEquals(1, none.exitCode());
        assertEquals("flowscore: tail settings: no inputs; give PATHs or 'inputs' in --config FILE\n", none.err());
        CliRun noOutput = CliRun.of("tail", dir.resolve("conn.log").toString());
        assertEquals(1, noOutput.exitCode());
        assertTrue(noOutput.err().startsWith("flowscore: tail needs an output"), noOutput.err());
        CliRun badFormat = CliRun.of("tail", "--config", write("inputs:\n  - path: a.log\n    format: zeek\n"),
                "-o", "x.ndjson");
        assertEquals(1, badFormat.exitCode());
        assertTrue(badFormat.err().contains("'inputs[0].format' must be auto, zeek-tsv, zeek-json or suricata-eve"),
                badFormat.err());
    }
    private String write(String yaml) {
        try {
            Path file = dir.resolve("flowscore.yml");
            Files.writeString(file, yaml);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
