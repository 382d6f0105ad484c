package org.flowscore.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.Map;
import org.flowscore.testing.FuzzInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided fuzzing of the tail settings file (docs/fuzzing.md): any bytes give settings or a
 * {@link ConfigException} naming what is wrong, never another exception.
 */
class TailConfigFuzzTest {
    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "30s")
    void configFile(byte[] data) {
        load(data);
    }

    @Test
    void theShippedConfigAndItsCutsHoldTheInvariant() throws Exception {
        byte[] shipped = java.nio.file.Files.readAllBytes(Path.of("config/flowscore.yml"));
        for (int cut = 0; cut <= shipped.length; cut += 13) {
            load(java.util.Arrays.copyOf(shipped, cut));
        }
        load("inputs: [{path: a, zeek_scope_separator: ''}]\nthreshold: [1]\n".getBytes());
        load("&a [*a, *a]".getBytes());
    }

    private static void load(byte[] data) {
        Path file = FuzzInputs.write(dir.resolve("flowscore.yml"), data);
        try {
            TailConfig config = TailConfig.load(file, Map.of(), JsonNodeFactory.instance.objectNode());
            if (config.inputs() != null) {
                config.settings(false);
            }
        } catch (ConfigException refused) {
            // The file was refused with a message naming the setting; that is the expected outcome.
        } finally {
            file.toFile().delete();
        }
    }
}
