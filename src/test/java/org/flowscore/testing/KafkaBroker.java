package org.flowscore.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (KRaft, broker and controller in one) in a JVM of its own on free loopback ports, formatted
 * with Kafka's own storage tool: a test can stop it (SIGKILL, as a crash) and start it again on the same data and
 * ports. Set for one broker: without replication factors of 1 for the offsets and transaction topics no consumer
 * group or transaction ever forms, and a group forms at once rather than after the usual initial delay.
 *
 * <p>{@link #startSecured} adds a second listener that asks for SASL (PLAIN, SCRAM-SHA-256) over TLS with a
 * self-signed certificate, as a production cluster would; the plain listener stays for the test's own admin client
 * and producers.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);

    private static final String KEYSTORE_PASSWORD = "test-keystore";

    /** The users of the secured listener: one for PLAIN, one for SCRAM-SHA-256. */
    public record Users(String plainUser, String plainPassword, String scramUser, String scramPassword) {
    }

    private final Path dir;
    private final Path properties;
    private final int port;
    private final int securedPort;
    private Process process;

    private KafkaBroker(Path dir, Path properties, int port, int securedPort) {
        this.dir = dir;
        this.properties = properties;
        this.port = port;
        this.securedPort = securedPort;
    }

    /** Formats a data folder under {@code dir} and starts the broker on it. */
    public static KafkaBroker start(Path dir) {
        return start(dir, null);
    }

    /**
     * The same with a second listener asking for SASL over TLS ({@link #securedBootstrap()}), its certificate in
     * {@link #caCertificate()}.
     */
    public static KafkaBroker startSecured(Path dir, Users users) {
        return start(dir, users);
    }

    private static KafkaBroker start(Path dir, Users users) {
        try {
            Files.createDirectories(dir);
            int port = freePort();
            int controller = freePort();
            int secured = users == null ? -1 : freePort();
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", "1");
            p.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            if (users != null) {
                secure(p, dir, secured, users);
            }
            p.put("log.dirs", dir.resolve("data").toString());
            p.put("offsets.topic.replication.factor", "1");
            p.put("offsets.topic.num.partitions", "1");
            p.put("transaction.state.log.replication.factor", "1");
            p.put("transaction.state.log.min.isr", "1");
            p.put("transaction.state.log.num.partitions", "1");
            p.put("share.coordinator.state.topic.replication.factor", "1");
            p.put("group.initial.rebalance.delay.ms", "0");
            p.put("auto.create.topics.enable", "true");
            Path file = dir.resolve("server.properties");
            try (var out = Files.newBufferedWriter(file)) {
                p.store(out, "flowscore test broker");
            }
            KafkaBroker broker = new KafkaBroker(dir, file, port, secured);
            List<String> format = new ArrayList<>(List.of("format", "-t", Uuid.randomUuid().toString(), "-c",
                    file.toString()));
            if (users != null) {
                // SCRAM credentials live in the cluster's metadata: written at format time, before any listener.
                format.addAll(List.of("--add-scram", "SCRAM-SHA-256=[name=" + users.scramUser() + ",password="
                        + users.scramPassword() + "]"));
            }
            broker.run("kafka.tools.StorageTool", format.toArray(String[]::new));
            broker.startProcess();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stopProcess, "stop-kafka"));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test Kafka broker: " + e.getMessage(), e);
        }
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** The listener that asks for SASL over TLS. */
    public String securedBootstrap() {
        if (securedPort < 0) {
            throw new IllegalStateException("the broker was started without a secured listener");
        }
        return "127.0.0.1:" + securedPort;
    }

    /** The secured listener's self-signed certificate, PEM, for clients to trust. */
    public Path caCertificate() {
        return dir.resolve("ca.pem");
    }

    /** A SASL_SSL listener on {@code port}, its key made by the JDK's keytool, valid for 127.0.0.1. */
    private static void secure(Properties p, Path dir, int port, Users users) throws IOException {
        Path keystore = dir.resolve("broker.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(),
                "-storepass", KEYSTORE_PASSWORD, "-file", dir.resolve("ca.pem").toString());
        p.put("listeners", p.get("listeners") + ",SASL_SSL://127.0.0.1:" + port);
        p.put("advertised.listeners", p.get("advertised.listeners") + ",SASL_SSL://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", p.get("listener.security.protocol.map") + ",SASL_SSL:SASL_SSL");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-256");
        p.put("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12");
        p.put("listener.name.sasl_ssl.ssl.keystore.location", keystore.toString());
        p.put("listener.name.sasl_ssl.ssl.keystore.password", KEYSTORE_PASSWORD);
        p.put("listener.name.sasl_ssl.plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule"
                + " required user_" + users.plainUser() + "=\"" + jaasQuoted(users.plainPassword()) + "\";");
        p.put("listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    }

    private static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool")
                .toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + args[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Starts the broker (again) and waits until it answers. */
    public synchronized void startProcess() throws IOException {
        long started = System.nanoTime();
        process = java("kafka.Kafka", properties.toString()).redirectOutput(
                ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
        try (Admin admin = admin()) {
            long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
            while (true) {
                if (!process.isAlive()) {
                    throw new IOException("the Kafka broker exited with " + process.exitValue() + ": " + logTail());
                }
                try {
                    admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    break;
                } catch (ExecutionException | java.util.concurrent.TimeoutException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("the Kafka broker did not answer within " + STARTUP_LIMIT + ": "
                                + logTail());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the broker started", e);
        }
        System.err.printf("test Kafka broker at %s ready in %.1f s%n", bootstrap(), (System.nanoTime() - started) / 1e9);
    }

    /** SIGKILL, as a crash or a pulled cable: the data stays for {@link #startProcess()}. */
    public synchronized void stopProcess() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** An admin client of the broker, for the test to close. */
    public Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrap(), "request.timeout.ms", 5000,
                "default.api.timeout.ms", 10000));
    }

    /** Creates a topic of {@code partitions} partitions. */
    public void createTopic(String name, int partitions) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("creating topic " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        stopProcess();
    }

    private void run(String mainClass, String... args) throws IOException {
        try {
            Process p = java(mainClass, args).redirectOutput(ProcessBuilder.Redirect.appendTo(
                    dir.resolve("format.log").toFile())).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException(mainClass + " failed: " + Files.readString(dir.resolve("format.log")));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "--sun-misc-unsafe-memory-access=allow",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("broker.log"));
            return String.join("\n  ", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no broker log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
