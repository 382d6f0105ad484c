package org.flowscore.kafka;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
    private final BufferedWriter file;
    private final StringWriter log = new StringWriter();
    private volatile Throwable failure;

    private ConsumeRun(ConsumeSettings settings, Path output, List<FlowOutput> others) throws IOException {
        this.file = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
        Model m = defaultModel();
        List<FlowOutput> outputs = new ArrayList<>(List.of(FileOutput.ndjson(file)));
        outputs.addAll(others);
        this.runner = new ConsumeRunner(settings, m, m.threshold(), new Tee(outputs), () -> null,
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
        return start(bootstrap, topics, pattern, group, sensorFrom, output, List.of());
    }

    /** The same, writing to {@code others} too. */
    static ConsumeRun start(String bootstrap, List<String> topics, String pattern, String group, String sensorFrom,
                            Path output, List<FlowOutput> others) throws IOException {
        Pattern p = pattern == null ? null : Pattern.compile(pattern);
        return new ConsumeRun(new ConsumeSettings(new KafkaConnection(List.of(bootstrap), null, null,
                Map.of("session.timeout.ms", "6000", "heartbeat.interval.ms", "1000")), topics, p, group,
                SensorSource.parse(sensorFrom, p), ConsumeSettings.DEFAULT_WARM_UP,
                ConsumeSettings.DEFAULT_WARM_UP_RECORDS, false, Duration.ZERO, null, Duration.ofSeconds(2),
                LocalNetworks.defaults()), output, others);
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
