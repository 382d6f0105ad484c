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
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(90);

    private final Path dir;
    private final Path properties;
    private final int port;
    private Process process;

    private KafkaBroker(Path dir, Path properties, int port) {
        this.dir = dir;
        this.properties = properties;
        this.port = port;
    }

    /** Formats a data folder under {@code dir} and starts the broker on it. */
    public static KafkaBroker start(Path dir) {
        try {
            Files.createDirectories(dir);
            int port = freePort();
            int controller = freePort();
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", "1");
            p.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
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
            KafkaBroker broker = new KafkaBroker(dir, file, port);
            broker.run("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", file.toString());
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
