package org.flowscore.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.flowscore.config.ConsumeConfig;
import org.flowscore.testing.InChildProcesses;
import org.flowscore.testing.KafkaBroker;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * consume against a listener that asks for SASL over TLS, as production clusters do: the broker's certificate
 * trusted from the settings file's {@code kafka.tls.ca}, the user from the file and the password only from
 * FLOWSCORE_KAFKA_SASL_PASSWORD. PLAIN and SCRAM-SHA-256 both read the topic and score it as {@code score} does;
 * a wrong password is refused by the broker.
 */
@InChildProcesses
class ConsumeSecurityTest {
    private static final Path ZEEK = SharedData.require("zeek/zat-2019-json/conn.log");
    private static final KafkaBroker.Users USERS = new KafkaBroker.Users("plain-user", "plain \"pass\"",
            "scram-user", "scram-pass");
    @TempDir
    static Path shared;
    private static KafkaBroker broker;
    private static List<String> expected;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.startSecured(shared.resolve("kafka"), USERS);
        broker.createTopic("secured", 1);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        Records.lines(ZEEK).forEach(l -> records.add(Records.record("secured", "z9", l)));
        Records.produce(broker.bootstrap(), records);
        expected = Records.scored(shared, "z9", ZEEK);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    @Timeout(120)
    void plainOverTlsWithThePasswordFromTheEnvironment() throws Exception {
        assertEquals(expected, consume("PLAIN", USERS.plainUser(), USERS.plainPassword(), "secured-plain"));
    }

    @Test
    @Timeout(120)
    void scramOverTlsWithThePasswordFromTheEnvironment() throws Exception {
        assertEquals(expected, consume("SCRAM-SHA-256", USERS.scramUser(), USERS.scramPassword(), "secured-scram"));
    }

    @Test
    @Timeout(120)
    void aWrongPasswordIsRefused() throws Exception {
        try (ConsumeRun run = ConsumeRun.start(settings("SCRAM-SHA-256", USERS.scramUser(), "not it",
                "secured-wrong"), dir.resolve("consumed.ndjson"), List.of())) {
            Throwable failure = run.awaitFailure(Duration.ofSeconds(60));
            assertInstanceOf(SaslAuthenticationException.class, failure, run.log());
            assertTrue(failure.getMessage().contains("Authentication failed"), failure.getMessage());
        }
    }

    private List<String> consume(String mechanism, String user, String password, String group) throws Exception {
        Path out = dir.resolve("consumed.ndjson");
        try (ConsumeRun run = ConsumeRun.start(settings(mechanism, user, password, group), out, List.of())) {
            assertEquals(expected.size(), ConsumeRun.awaitLines(out, expected.size(), Duration.ofSeconds(60), run),
                    run.log());
        }
        return Records.lines(out);
    }

    /** The settings file names the CA and the user; the password comes from the environment alone. */
    private ConsumeSettings settings(String mechanism, String user, String password, String group)
            throws Exception {
        Path file = Files.writeString(dir.resolve("flowscore-kafka.yml"), String.join("\n",
                "kafka:",
                "  bootstrap: [" + broker.securedBootstrap() + "]",
                "  topics: [secured]",
                "  group: " + group,
                "  tls:",
                "    ca: " + broker.caCertificate(),
                "  sasl:",
                "    mechanism: " + mechanism,
                "    username: " + user,
                "  client:",
                "    session.timeout.ms: 6000",
                "    heartbeat.interval.ms: 1000",
                "status_interval: 0",
                "idle_flush: 2s",
                ""));
        return ConsumeConfig.load(file, Map.of("FLOWSCORE_KAFKA_SASL_PASSWORD", password),
                JsonNodeFactory.instance.objectNode()).consumeSettings();
    }
}
