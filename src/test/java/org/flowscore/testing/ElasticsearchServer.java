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
 * A real Elasticsearch (the integration-test distribution) on a free loopback port. {@link #shared()} (security
 * off) is started once per test run on first use and stopped when the test JVM exits; tests share it and keep
 * apart by using a namespace of their own. {@link #secured()} is a second shared instance with security on
 * (see {@link SecuredConfig}); {@link #startOwn()} gives a test an instance it may stop and start again.
 *
 * <p>That distribution carries no JDK, so it runs on the JDK running the tests. It has no ILM, no ingest
 * pipelines, no {@code _data_stream} API and answers 405 to {@code GET /}; single-node discovery spares it
 * the production bootstrap checks ({@code vm.max_map_count} and the like).
 */
public final class ElasticsearchServer {
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);
    private static ElasticsearchServer shared;
    private static ElasticsearchServer secured;

    private final Path home;
    private final Path run;
    private final Path config;
    private final String url;
    private final SecuredConfig.Credentials credentials;
    private Process process;

    private ElasticsearchServer(Path home, Path run, Path config, String url, SecuredConfig.Credentials credentials) {
        this.home = home;
        this.run = run;
        this.config = config;
        this.url = url;
        this.credentials = credentials;
    }

    /** The server of this test run, security off, started on the first call. */
    public static synchronized ElasticsearchServer shared() {
        if (shared == null) {
            shared = started(false);
        }
        return shared;
    }

    /** A second server of this test run with security and TLS on, started on the first call. */
    public static synchronized ElasticsearchServer secured() {
        if (secured == null) {
            secured = started(true);
        }
        return secured;
    }

    /** A server of the caller's own (security off) that it may {@link #stopProcess()} and start again. */
    public static ElasticsearchServer startOwn() {
        return started(false);
    }

    private static ElasticsearchServer started(boolean security) {
        try {
            ElasticsearchServer server = create(security);
            server.startProcess();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-elasticsearch"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test Elasticsearch: " + e.getMessage(), e);
        }
    }

    /** e.g. {@code http://127.0.0.1:41234}, or {@code https://} for the secured server. */
    public String url() {
        return url;
    }

    /** The secured server's CA, user, password and service token; null for the others. */
    public SecuredConfig.Credentials credentials() {
        return credentials;
    }

    private static ElasticsearchServer create(boolean security) throws IOException {
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
        Path config = configure(home, run, httpPort, freePort(), security);
        if (root) {
            UnprivilegedUser.own(run);
        }
        SecuredConfig.Credentials credentials = security ? SecuredConfig.apply(home, config, root) : null;
        return new ElasticsearchServer(home, run, config, (security ? "https" : "http") + "://127.0.0.1:" + httpPort,
                credentials);
    }

    /** Starts the server on its data folder and waits until it is ready: first start or after a stop. */
    public synchronized void startProcess() throws IOException {
        long started = System.nanoTime();
        boolean root = UnprivilegedUser.needed();
        ProcessBuilder pb = new ProcessBuilder(root ? UnprivilegedUser.as(List.of(home.resolve("bin/elasticsearch")
                .toString())) : List.of(home.resolve("bin/elasticsearch").toString()))
                .directory(run.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(run.resolve("console.log").toFile()));
        toolEnvironment(pb.environment(), config);
        pb.environment().put("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        process = pb.start();
        awaitYellow();
        System.err.printf("test Elasticsearch at %s (%s) ready in %.1f s%n", url,
                root ? "as user " + UnprivilegedUser.NAME : "as this user", (System.nanoTime() - started) / 1e9);
    }

    /** The environment Elasticsearch and its command line tools need. */
    static void toolEnvironment(Map<String, String> env, Path config) {
        env.put("ES_JAVA_HOME", System.getProperty("java.home"));
        env.put("ES_PATH_CONF", config.toString());
    }

    /** A config folder of the run's own: the distribution's files with our elasticsearch.yml. */
    private static Path configure(Path home, Path run, int httpPort, int transportPort, boolean security)
            throws IOException {
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
                security ? SecuredConfig.SETTINGS : "xpack.security.enabled: false",
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
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(url + "/_cluster/health?wait_for_status=yellow&timeout=1s"));
        if (credentials != null) {
            builder.sslContext(credentials.sslContext());
            request.header("Authorization", credentials.basicHeader());
        }
        HttpClient client = builder.build();
        HttpRequest health = request.build();
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
                stopProcess();
                throw new IOException("interrupted while waiting for Elasticsearch", e);
            }
        }
        stopProcess();
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

    /** Stops the server and its launcher processes, keeping its data for {@link #startProcess()}. */
    public synchronized void stopProcess() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long started = System.nanoTime();
        // Under a steady bulk load the server often outlives a SIGTERM by more than 30 s; an outage test
        // needs it gone, not shut down gracefully, so it gets 10 s and then SIGKILL, as after an OOM kill.
        long deadline = started + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException stillRunning) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        System.err.printf("test Elasticsearch at %s stopped in %.1f s%n", url(), (System.nanoTime() - started) / 1e9);
        process = null;
    }

    /** Stops the server, then removes the run's data. */
    private void stop() {
        stopProcess();
        try (Stream<Path> files = Files.walk(run)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not remove the test Elasticsearch folder " + run + ": " + e.getMessage());
        }
    }
}
