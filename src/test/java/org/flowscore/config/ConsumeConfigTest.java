package org.flowscore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.flowscore.kafka.ConsumeSettings;
import org.flowscore.source.kafka.SensorSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka settings: the file, then the environment, then flags; secrets from the file or environment only. */
class ConsumeConfigTest {
    @TempDir
    Path dir;

    private static ObjectNode noFlags() {
        return JsonNodeFactory.instance.objectNode();
    }

    @Test
    void theShippedExampleConfigReadsWithThePasswordFromTheEnvironment() throws IOException {
        Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        String example = Files.readString(Path.of("config/flowscore-kafka.yml"))
                .replace("/etc/flowscore/kafka-ca.pem", dir.resolve("ca.pem").toString());
        Path file = Files.writeString(dir.resolve("flowscore-kafka.yml"), example);
        ConsumeConfig c = ConsumeConfig.load(file, Map.of("FLOWSCORE_KAFKA_SASL_PASSWORD", "s3cret"), noFlags());
        ConsumeSettings s = c.consumeSettings();
        assertEquals(List.of("zeek-conn-by-sensor"), s.topics());
        assertEquals("flowscore", s.group());
        assertInstanceOf(SensorSource.FromKey.class, s.sensors());
        assertEquals(Duration.ofHours(1), s.warmUp());
        assertEquals(9465, s.metricsPort());
        Map<String, Object> p = s.connection().withOverrides(s.connection().clientProperties());
        assertEquals("SASL_SSL", p.get("security.protocol"));
        assertTrue(p.get("sasl.jaas.config").toString().contains("password=\"s3cret\""));
        assertEquals("45000", p.get("session.timeout.ms"));
        assertNull(ConsumeConfig.load(file, Map.of(), noFlags()).kafka().sasl().password(),
                "the example keeps the password out of the file");
        assertEquals(List.of("https://localhost:9200"), c.elasticsearch().urls());
    }

    @Test
    void theEnvironmentOverridesTheFileAndFlagsOverrideBoth() throws IOException {
        Path file = Files.writeString(dir.resolve("k.yml"), """
                kafka:
                  bootstrap: [k-file:9092]
                  topics: [from-file]
                  group: file-group
                  sensor_from: key
                output: /from-file.ndjson
                """);
        Map<String, String> env = Map.of("FLOWSCORE_KAFKA_GROUP", "env-group", "FLOWSCORE_KAFKA_BOOTSTRAP",
                "k1:9092, k2:9092", "FLOWSCORE_KAFKA_SENSOR_FROM", "field:host.name");
        ObjectNode flags = noFlags();
        flags.putObject("kafka").put("topic_pattern", "zeek-(.+)").putArray("topics");
        flags.put("output", "/from-flag.ndjson");
        ConsumeConfig c = ConsumeConfig.load(file, env, flags);
        ConsumeSettings s = c.consumeSettings();
        assertEquals(List.of("k1:9092", "k2:9092"), s.connection().bootstrap());
        assertEquals("env-group", s.group());
        assertEquals("host.name", s.sensors().field());
        assertEquals("zeek-(.+)", s.topicPattern().pattern());
        assertEquals("/from-flag.ndjson", c.output());
    }

    @Test
    void mistakesAreNamedByTheirKey() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yml"), """
                kafka:
                  bootstrap: [k1:9092]
                  topics: [t]
                  group: g
                  sensor_form: key
                """);
        ConfigException unknown = assertThrows(ConfigException.class, () -> ConsumeConfig.load(file, Map.of(),
                noFlags()));
        assertTrue(unknown.getMessage().contains("'kafka.sensor_form'"), unknown.getMessage());

        ObjectNode flags = noFlags();
        flags.putObject("kafka").put("sensor_from", "hostname");
        Path good = Files.writeString(dir.resolve("good.yml"), "kafka: {bootstrap: [k1:9092], topics: [t], group: g}\n");
        ConfigException sensor = assertThrows(ConfigException.class,
                () -> ConsumeConfig.load(good, Map.of(), flags).consumeSettings());
        assertTrue(sensor.getMessage().contains("field:NAME"), sensor.getMessage());

        ConfigException noBrokers = assertThrows(ConfigException.class,
                () -> ConsumeConfig.load(null, Map.of(), noFlags()).consumeSettings());
        assertTrue(noBrokers.getMessage().contains("--kafka-bootstrap"), noBrokers.getMessage());

        ObjectNode both = noFlags();
        both.putObject("kafka").put("topic_pattern", "x.*");
        ConfigException patternAndTopics = assertThrows(ConfigException.class,
                () -> ConsumeConfig.load(good, Map.of(), both).consumeSettings());
        assertTrue(patternAndTopics.getMessage().contains("not both"), patternAndTopics.getMessage());
        assertFalse(patternAndTopics.getMessage().contains("null"));
    }
}
