package org.flowscore.source.registry;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscore.testing.FuzzInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided fuzzing of the tail registry file (docs/fuzzing.md): whatever the file holds, loading it gives
 * entries or a {@link RegistryException} saying what is wrong, never another exception.
 */
class RegistryFuzzTest {
    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "30s")
    void registryFile(byte[] data) {
        load(data);
    }

    @Test
    void aWrittenRegistryAndItsDamagedFormsHoldTheInvariant() throws Exception {
        String written = """
                {"version":1,"files":[{"path":"/var/log/zeek/conn.log","device":2049,"inode":131,\
                "fingerprintBytes":1024,"fingerprint":"ab12","offset":4096,"size":8192,"state":"active",\
                "lastSeen":"2024-04-19T10:00:00Z"}]}""";
        for (int cut = 0; cut <= written.length(); cut += 7) {
            load(written.substring(0, cut).getBytes(StandardCharsets.UTF_8));
        }
        load(written.replace("4096", "-1").getBytes(StandardCharsets.UTF_8));
        load(written.replace("\"version\":1", "\"version\":1e400").getBytes(StandardCharsets.UTF_8));
    }

    private static void load(byte[] data) {
        Path file = FuzzInputs.write(dir.resolve("registry.json"), data);
        try {
            Registry.load(file);
        } catch (RegistryException refused) {
            // A damaged registry is refused with a message; that is the expected outcome.
        } finally {
            file.toFile().delete();
        }
    }
}
