package org.flowscore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tail settings: the file, then the environment, then flags; a bad setting named by its key. */
class TailConfigTest {
    @TempDir
    Path dir;

    private static ObjectNode noFlags() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Test
    void theShippedExampleConfigReads() {
        TailConfig c = TailConfig.load(Path.of("config/flowscore.yml"), Map.of(), noFlags());
        assertEquals(2, c.inputs().size());
        assertEquals("suricata-eve", c.inputs().get(1).format());
        assertEquals(List.of("https://localhost:9200"), c.elasticsearch().urls());
        assertNull(c.elasticsearch().password(), "the example keeps the password out of the file");
    }

    @Test
    void theEnvironmentOverridesTheFileAndFlagsOverrideBoth() throws IOException {
        Path file = dir.resolve("flowscore.yml");
        Files.writeString(file, """
                inputs:
                  - path: /opt/zeek/logs/current/conn.log
                    sensor: dmz
                registry: /var/lib/flowscore/from-file.json
                metrics_port: 9464
                elasticsearch:
                  urls: [http://es-file:9200]
                  username: flowscore
                  password: from-file
                """);
        Map<String, String> env = Map.of("FLOWSCORE_REGISTRY", "/from-env.json", "FLOWSCORE_ES_PASSWORD", "from-env",
                "FLOWSCORE_METRICS_PORT", "9500", "FLOWSCORE_ES_URLS", "http://a:9200, http://b:9200");
        TailConfig fromEnv = TailConfig.load(file, env, noFlags());
        assertEquals("/from-env.json", fromEnv.registry());
        assertEquals(9500, fromEnv.metricsPort());
        assertEquals("from-env", fromEnv.elasticsearch().password());
        assertEquals("flowscore", fromEnv.elasticsearch().username());
        assertEquals(List.of("http://a:9200", "http://b:9200"), fromEnv.elasticsearch().urls());
        assertEquals("dmz", fromEnv.inputs().getFirst().sensor());

        ObjectNode flags = noFlags().put("registry", "/from-flag.json");
        flags.putObject("elasticsearch").putArray("urls").add("http://flag:9200");
        TailConfig fromFlags = TailConfig.load(file, env, flags);
        assertEquals("/from-flag.json", fromFlags.registry());
        assertEquals(List.of("http://flag:9200"), fromFlags.elasticsearch().urls());
        assertEquals("from-env", fromFlags.elasticsearch().password(), "a flag for the URLs keeps the rest");
    }

    @Test
    void scoringThreadsComeFromTheFileOrTheEnvironmentAndDefaultToTheProcessors() throws IOException {
        Path file = dir.resolve("threads.yml");
        Files.writeString(file, "inputs:\n  - path: conn.log\nthreads: 3\n");
        assertEquals(3, TailConfig.load(file, Map.of(), noFlags()).settings(false).threads());
        assertEquals(1, TailConfig.load(file, Map.of("FLOWSCORE_THREADS", "1"), noFlags()).settings(false).threads());
        Files.writeString(file, "inputs:\n  - path: conn.log\n");
        assertEquals(Runtime.getRuntime().availableProcessors(),
                TailConfig.load(file, Map.of(), noFlags()).settings(false).threads());
        Files.writeString(file, "inputs:\n  - path: conn.log\nthreads: 0\n");
        assertEquals("tail settings: threads must be at least 1, got 0", assertThrows(ConfigException.class,
                () -> TailConfig.load(file, Map.of(), noFlags()).settings(false)).getMessage());
    }

    @Test
    void aMisspeltSettingIsNamedWithTheKnownOnes() throws IOException {
        Path file = dir.resolve("flowscore.yml");
        Files.writeString(file, "elasticsearch:\n  urls: [http://localhost:9200]\n  pasword: x\n");
        ConfigException e = assertThrows(ConfigException.class, () -> TailConfig.load(file, Map.of(), noFlags()));
        assertTrue(e.getMessage().startsWith("tail settings: unknown setting 'elasticsearch.pasword' (in " + file),
                e.getMessage());
        assertTrue(e.getMessage().contains("password"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWhereverItCameFrom() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TailConfig.load(null, Map.of("FLOWSCORE_METRICS_PORT", "ninety"), noFlags()));
        assertTrue(e.getMessage().startsWith("tail settings: 'metrics_port' (from the environment or a flag)"),
                e.getMessage());
    }

    @Test
    void badYamlAndMissingFilesAreOneLine() throws IOException {
        Path file = dir.resolve("broken.yml");
        Files.writeString(file, "inputs: [\n");
        assertTrue(assertThrows(ConfigException.class, () -> TailConfig.load(file, Map.of(), noFlags()))
                .getMessage().startsWith("config " + file + " is not valid YAML"));
        assertEquals("config " + dir.resolve("none.yml") + ": no such file", assertThrows(ConfigException.class,
                () -> TailConfig.load(dir.resolve("none.yml"), Map.of(), noFlags())).getMessage());
    }


    private String write(String yaml) {
        try {
            Path file = dir.resolve("c.yml");
            Files.writeString(file, yaml);
            return file.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
