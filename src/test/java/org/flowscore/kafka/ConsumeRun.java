package org.flowscore.kafka;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flowscore.alerts.AlertSettings;
import org.flowscore.alerts.AlertingOutput;
import org.flowscore.allowlist.Allowlist;
import org.flowscore.allowlist.WatchedAllowlist;
import org.flowscore.flow.LocalNetworks;
import org.flowscore.model.Model;
import org.flowscore.model.ModelBundle;
import org.flowscore.model.ModelException;
import org.flowscore.sink.FileOutput;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.Tee;
import org.flowscore.source.kafka.KafkaConnection;
import org.flowscore.source.kafka.SensorSource;

/** A {@code consume} runner in the test's JVM, writing NDJSON, stopped once it wrote what the test waits for. */
final class ConsumeRun implements AutoCloseable {
    private static Model model;
    private final ConsumeRunner runner;
    private final Thread thread;
    private final OutputStream file;
    private final StringWriter log = new StringWriter();
    private volatile Throwable failure;

    private ConsumeRun(ConsumeSettings settings, Path output, List<FlowOutput> others, WatchedAllowlist allowlist)
            throws IOException {
        this.file = new BufferedOutputStream(Files.newOutputStream(output));
        Model m = defaultModel();
        List<FlowOutput> outputs = new ArrayList<>(List.of(FileOutput.ndjson(file)));
        outputs.addAll(others);
        // As consume puts them: alert groups in front of the outputs, so flows are marked as score marks them.
        FlowOutput alerting = new AlertingOutput(new Tee(outputs), AlertSettings.DEFAULT,
                allowlist == null ? () -> Allowlist.EMPTY : allowlist::current);
        this.runner = new ConsumeRunner(settings, m, m.threshold(), alerting, () -> null, allowlist,
                new PrintWriter(log, true));
        this.thread = Thread.ofPlatform().name("consume-under-test").start(() -> {
            try {
                runner.run(Duration.ofSeconds(10));
            } catch (Throwable t) {
                failure = t;
            }
        });
    }

    static synchronized Model defaultModel() {
        if (model == null) {
            try {
                model = ModelBundle.readDefault();
            } catch (ModelException e) {
                throw new IllegalStateException(e);
            }
        }
        return model;
    }

    /** Consumes {@code topics} (or the pattern) as group {@code group}, sensors from {@code sensorFrom}. */
    static ConsumeRun start(String bootstrap, List<String> topics, String pattern, String group, String sensorFrom,
                            Path output) throws IOException {
        return start(settings(bootstrap, topics, pattern, group, sensorFrom, null), output, List.of());
    }

    /** Consumes as {@code settings} say, writing to {@code others} too. */
    static ConsumeRun start(ConsumeSettings settings, Path output, List<FlowOutput> others) throws IOException {
        return new ConsumeRun(settings, output, others, null);
    }

    /** Consumes as {@code settings} say, flows marked by the allowlist in force, which it reloads as consume does. */
    static ConsumeRun start(ConsumeSettings settings, Path output, WatchedAllowlist allowlist) throws IOException {
        return new ConsumeRun(settings, output, List.of(), allowlist);
    }

    /**
     * Settings for a test: a group that notices a killed member within seconds, no status line, metrics on
     * {@code metricsPort} (0 for any free port; null for none).
     */
    static ConsumeSettings settings(String bootstrap, List<String> topics, String pattern, String group,
                                    String sensorFrom, Integer metricsPort) {
        Pattern p = pattern == null ? null : Pattern.compile(pattern);
        return new ConsumeSettings(new KafkaConnection(List.of(bootstrap), null, null,
                Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "1000")), topics, p, group,
                SensorSource.parse(sensorFrom, p), ConsumeSettings.DEFAULT_WARM_UP,
                ConsumeSettings.DEFAULT_WARM_UP_RECORDS, false, Duration.ZERO, metricsPort, Duration.ofSeconds(2),
                LocalNetworks.defaults());
    }

    /** Waits until the output has {@code lines} lines, or the run failed or the time is up; the lines then. */
    static long awaitLines(Path output, long lines, Duration limit, ConsumeRun run) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        long n = count(output);
        while (n < lines && System.nanoTime() < deadline && (run == null || run.failure == null)) {
            Thread.sleep(100);
            n = count(output);
        }
        return n;
    }

    static long count(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        }
    }

    Throwable failure() throws InterruptedException {
        thread.join(0, 1);
        return failure;
    }

    /** Waits for the runner to fail (as on a refused topic); its failure. */
    Throwable awaitFailure(Duration limit) throws InterruptedException {
        thread.join(limit.toMillis());
        return failure;
    }

    /** Waits until every owned partition's committed offset is {@code offset}; the status then. */
    ConsumeStatus awaitCommitted(long offset, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        ConsumeStatus s = runner.status();
        while (System.nanoTime() < deadline && (s == null || s.partitions().isEmpty()
                || s.partitions().stream().anyMatch(p -> p.committed() != offset || p.lag() != 0))) {
            Thread.sleep(100);
            s = runner.status();
        }
        return s;
    }

    /** The Prometheus text the runner serves on the port its log names. */
    String metrics() throws IOException, InterruptedException {
        Matcher m = Pattern.compile("metrics at (http://\\S+)").matcher(log());
        if (!m.find()) {
            throw new AssertionError("no metrics address in the log: " + log());
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    ConsumeStatus status() {
        return runner.status();
    }

    String log() {
        return log.toString();
    }

    @Override
    public void close() throws Exception {
        runner.requestStop();
        if (!runner.awaitStopped(60, TimeUnit.SECONDS)) {
            throw new AssertionError("consume did not stop: " + log);
        }
        thread.join(10_000);
        file.close();
    }
}
