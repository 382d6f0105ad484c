package org.flowscore.source.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach the Kafka cluster: its bootstrap servers and, where it asks for them, TLS and SASL. The same for
 * {@code consume}, {@code publish} and {@code rekey}; secrets come from the settings file or the environment,
 * never from flags (a command line is visible to every user of the machine).
 *
 * @param bootstrap {@code HOST:PORT} of one or more brokers
 * @param tls       TLS settings, or null for plain TCP
 * @param sasl      SASL credentials, or null for none
 * @param overrides Kafka client properties set as given, after flowscore's own (e.g. {@code session.timeout.ms})
 */
public record KafkaConnection(List<String> bootstrap, Tls tls, Sasl sasl, Map<String, String> overrides) {

    public KafkaConnection {
        if (bootstrap == null || bootstrap.isEmpty() || bootstrap.stream().anyMatch(b -> b == null || b.isBlank())) {
            throw new IllegalArgumentException("kafka.bootstrap: give at least one broker as HOST:PORT");
        }
        for (String server : bootstrap) {
            int colon = server.lastIndexOf(':');
            if (colon <= 0 || colon == server.length() - 1 || !server.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("kafka.bootstrap: '" + server + "' is not HOST:PORT");
            }
        }
        bootstrap = List.copyOf(bootstrap);
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    /** Plain TCP, without authentication or overrides. */
    public KafkaConnection(List<String> bootstrap) {
        this(bootstrap, null, null, Map.of());
    }

    /**
     * TLS to the brokers.
     *
     * @param ca          PEM file of the CA certificates to trust, or null for the JDK's
     * @param certificate PEM file with this client's private key and certificate chain, for brokers that ask
     *                    for one (mutual TLS), or null
     * @param keyPassword the password of that private key, or null when it is not encrypted
     */
    public record Tls(Path ca, Path certificate, String keyPassword) {
        public Tls {
            for (Path file : new Path[] {ca, certificate}) {
                if (file != null && !Files.isReadable(file)) {
                    throw new IllegalArgumentException("kafka.tls: " + file + " cannot be read");
                }
            }
        }

        @Override
        public String toString() {
            return "tls(ca " + ca + ", certificate " + certificate + ")";
        }
    }

    /**
     * SASL authentication.
     *
     * @param mechanism PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512
     */
    public record Sasl(String mechanism, String username, String password) {
        private static final List<String> MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

        public Sasl {
            mechanism = mechanism == null ? "PLAIN" : mechanism.toUpperCase(Locale.ROOT);
            if (!MECHANISMS.contains(mechanism)) {
                throw new IllegalArgumentException("kafka.sasl.mechanism must be one of " + MECHANISMS + ", not "
                        + mechanism);
            }
            if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
                throw new IllegalArgumentException("kafka.sasl: a username and a password are needed (the password"
                        + " in the settings file or FLOWSCORE_KAFKA_SASL_PASSWORD)");
            }
        }

        String jaas() {
            String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            return module + " required username=\"" + quoted(username) + "\" password=\"" + quoted(password) + "\";";
        }

        private static String quoted(String s) {
            return s.replace("\\", "\\\\").replace("\"", "\\\"");
        }

        @Override
        public String toString() {
            return "sasl(" + mechanism + ", user " + username + ")";
        }
    }

    /**
     * The client properties every consumer, producer and admin client of flowscore starts from. The overrides are
     * laid over them by {@link #withOverrides}, once a client has added its own.
     */
    public Map<String, Object> clientProperties() {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrap.servers", String.join(",", bootstrap));
        p.put("security.protocol", (sasl != null ? "SASL_" : "") + (tls != null ? "SSL" : "PLAINTEXT"));
        if (tls != null) {
            if (tls.ca() != null) {
                p.put("ssl.truststore.type", "PEM");
                p.put("ssl.truststore.location", tls.ca().toString());
            }
            if (tls.certificate() != null) {
                p.put("ssl.keystore.type", "PEM");
                p.put("ssl.keystore.location", tls.certificate().toString());
                if (tls.keyPassword() != null) {
                    p.put("ssl.key.password", tls.keyPassword());
                }
            }
        }
        if (sasl != null) {
            p.put("sasl.mechanism", sasl.mechanism());
            p.put("sasl.jaas.config", sasl.jaas());
        }
        return p;
    }

    /** A client's properties with the configured overrides laid over them. */
    public Map<String, Object> withOverrides(Map<String, Object> properties) {
        Map<String, Object> p = new HashMap<>(properties);
        p.putAll(overrides);
        return p;
    }

    @Override
    public String toString() {
        return "kafka " + bootstrap + (tls != null ? " " + tls : "") + (sasl != null ? " " + sasl : "");
    }
}
