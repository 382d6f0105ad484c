package org.flowscore.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real Elasticsearch (the integration-test distribution, security off) on a free loopback port, started
 * once per test run on first use and stopped when the test JVM exits. Tests share it and keep apart by
 * using a namespace of their own.
 *
 * <p>That distribution carries no JDK, so it runs on the JDK running the tests. It has no ILM, no ingest
 * pipelines, no {@code _data_stream} API and answers 405 to {@code GET /}; single-node discovery spares it
 * the production bootstrap checks ({@code vm.max_map_count} and the like).
 */
public final class ElasticsearchServer {
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);
    private static ElasticsearchServer shared;

    private final Process process;
    private final Path run;
    private final String url;

    private ElasticsearchServer(Process process, Path run, String url) {
        this.process = process;
        this.run = run;
        this.url = url;
    }

    /** The server of this test run, started on the first call. */
    public static synchronized ElasticsearchServer shared() {
        if (shared == null) {
            try {
                shared = start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the test Elasticsearch: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "stop-elasticsearch"));
        }
        return shared;
    }

    /** e.g. {@code http://127.0.0.1:41234} */
    public String url() {
        return url;
    }

    private static ElasticsearchServer start() throws IOException {
        long started = System.nanoTime();
        boolean root = UnprivilegedUser.needed();
        Path base = Path.of(System.getProperty("flowscore.es.home", "target/elasticsearch")).toAbsolutePath();
        Files.createDirectories(base);
        if (root) {
            UnprivilegedUser.ensureExists();
            if (!UnprivilegedUser.canEnter(base)) {
                // The checkout sits where the unprivileged user cannot go (e.g. under /root): use /tmp.
                base = Path.of(System.getProperty("java.io.tmpdir"), "flowscore-elasticsearch");
                Files.createDirectories(base);
            }
        }
        Path zip = Path.of(System.getProperty("flowscore.es.zip", "missing: flowscore.es.zip not set"));
        Path home = EsDistribution.unzipped(zip, base);
        Path run = Files.createTempDirectory(base, "run-");
        int httpPort = freePort();
        Path config = configure(home, run, httpPort, freePort());
        if (root) {
            UnprivilegedUser.own(run);
        }

        List<String> command = List.of(home.resolve("bin/elasticsearch").toString());
        ProcessBuilder pb = new ProcessBuilder(root ? UnprivilegedUser.as(command) : command)
                .directory(run.toFile())
                .redirectErrorStream(true)
                .redirectOutput(run.resolve("console.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", config.toString());
        env.put("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        ElasticsearchServer server = new ElasticsearchServer(pb.start(), run, "http://127.0.0.1:" + httpPort);
        server.awaitYellow();
        System.err.printf("test Elasticsearch at %s (%s) ready in %.1f s%n", server.url,
                root ? "as user " + UnprivilegedUser.NAME : "as this user", (System.nanoTime() - started) / 1e9);
        return server;
    }

    /** A config folder of the run's own: the distribution's files with our elasticsearch.yml. */
    private static Path configure(Path home, Path run, int httpPort, int transportPort) throws IOException {
        Path config = run.resolve("config");
        Files.createDirectories(config);
        try (Stream<Path> files = Files.list(home.resolve("config"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, config.resolve(f.getFileName()));
            }
        }
        Files.writeString(config.resolve("elasticsearch.yml"), String.join("\n",
                "cluster.name: flowscore-test",
                "node.name: flowscore-test",
                "discovery.type: single-node",
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                "transport.port: " + transportPort,
                "path.data: " + run.resolve("data"),
                "path.logs: " + run.resolve("logs"),
                "xpack.security.enabled: false",
                // A nearly full disk must not turn the test indices read-only.
                "cluster.routing.allocation.disk.threshold_enabled: false",
                ""));
        return config;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitYellow() throws IOException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(
                URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=1s")).build();
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Elasticsearch exited with code " + process.exitValue() + " while starting."
                        + logTail());
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IOException("interrupted while waiting for Elasticsearch", e);
            }
        }
        stop();
        throw new IOException("Elasticsearch was not ready (cluster health yellow) within "
                + STARTUP_LIMIT.toSeconds() + " s." + logTail());
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Elasticsearch", e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(run.resolve("console.log"));
            return " Last lines of " + run.resolve("console.log") + ":\n  "
                    + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return " (its console log is unreadable: " + e.getMessage() + ")";
        }
    }

    /** Stops the server and its launcher processes, then removes the run's data. */
    private void stop() {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException stillRunning) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        try (Stream<Path> files = Files.walk(run)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not remove the test Elasticsearch folder " + run + ": " + e.getMessage());
        }
    }
}
