package org.flowscore.source.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaConnectionTest {
    @TempDir
    Path dir;

    @Test
    void plainTcpWithoutAuthentication() {
        Map<String, Object> p = new KafkaConnection(List.of("k1:9092", "k2:9092")).clientProperties();
        assertEquals("k1:9092,k2:9092", p.get("bootstrap.servers"));
        assertEquals("PLAINTEXT", p.get("security.protocol"));
        assertFalse(p.containsKey("sasl.jaas.config"));
    }

    @Test
    void scramOverTlsWithQuotesInThePassword() throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        KafkaConnection c = new KafkaConnection(List.of("k1:9093"), new KafkaConnection.Tls(ca, null, null),
                new KafkaConnection.Sasl("scram-sha-512", "flowscore", "pa\"ss\\word"), Map.of());
        Map<String, Object> p = c.clientProperties();
        assertEquals("SASL_SSL", p.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", p.get("sasl.mechanism"));
        assertEquals("PEM", p.get("ssl.truststore.type"));
        assertEquals(ca.toString(), p.get("ssl.truststore.location"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"flowscore\""
                + " password=\"pa\\\"ss\\\\word\";", p.get("sasl.jaas.config"));
        assertFalse(c.toString().contains("pa\"ss"), c.toString());
    }

    @Test
    void overridesComeLast() {
        KafkaConnection c = new KafkaConnection(List.of("k1:9092"), null, null, Map.of("session.timeout.ms", "10000",
                "security.protocol", "SSL"));
        Map<String, Object> p = c.withOverrides(Map.of("session.timeout.ms", 45000, "security.protocol", "PLAINTEXT"));
        assertEquals("10000", p.get("session.timeout.ms"));
        assertEquals("SSL", p.get("security.protocol"));
    }

    @Test
    void badSettingsAreNamed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KafkaConnection(List.of("k1")))
                .getMessage().contains("HOST:PORT"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KafkaConnection.Sasl("GSSAPI", "u", "p"))
                .getMessage().contains("SCRAM-SHA-256"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KafkaConnection.Sasl("PLAIN", "u", null))
                .getMessage().contains("FLOWSCORE_KAFKA_SASL_PASSWORD"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new KafkaConnection.Tls(dir.resolve("missing.pem"), null, null)).getMessage()
                .contains("cannot be read"));
    }
}
