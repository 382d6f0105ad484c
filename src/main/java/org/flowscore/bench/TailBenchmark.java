package org.flowscore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.flowscore.alerts.AlertSettings;
import org.flowscore.alerts.AlertingOutput;
import org.flowscore.allowlist.Allowlist;
import org.flowscore.elastic.EsAuth;
import org.flowscore.elastic.EsTls;
import org.flowscore.flow.Connection;
import org.flowscore.flow.LocalNetworks;
import org.flowscore.flow.SourceFormat;
import org.flowscore.format.ZeekTsvWriter;
import org.flowscore.model.Model;
import org.flowscore.setup.EsHttp;
import org.flowscore.setup.TemplateInstaller;
import org.flowscore.sink.es.Batching;
import org.flowscore.sink.es.EsOutputSettings;
import org.flowscore.sink.es.EsSink;
import org.flowscore.tail.InputSpec;
import org.flowscore.tail.TailRunner;
import org.flowscore.tail.TailSettings;

/**
 * The tailer's latency and memory: a writer appends real connections (re-timed to end now, each with a
 * uid of its own) to a Zeek {@code conn.log} at a steady rate while a tailer follows it into
 * Elasticsearch in the same JVM; every tenth line's uid is searched for until it is found, which gives
 * the time from the line's flush to its being searchable. The heap is sampled every 100 ms.
 */
public final class TailBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROBE_EVERY = 10;
    private static final Duration POLL = Duration.ofMillis(50);

    private final URI es;
    private final Model model;
    private final List<Connection> base;
    private final int rate;
    private final long records;
    private final PrintWriter out;
    private final Map<String, Long> probes = new ConcurrentHashMap<>();
    private final List<Long> latenciesNanos = new ArrayList<>();
    private final AtomicLong maxHeapUsed = new AtomicLong();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public TailBenchmark(URI es, Model model, List<Connection> base, int rate, long records, PrintWriter out) {
        this.es = es;
        this.model = model;
        this.base = base;
        this.rate = rate;
        this.records = records;
        this.out = out;
    }

    public void run(Path dir) throws Exception {
        String namespace = "benchtail" + Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
        new TemplateInstaller(new EsHttp(es)).install(namespace, "bench");
        String flows = "logs-flowscore.flow-" + namespace;
        Path log = dir.resolve("conn.log");
        EsOutputSettings settings = new EsOutputSettings(List.of(es), namespace, new EsAuth.None(), EsTls.DEFAULT,
                dir.resolve("dead-letter.ndjson"), Batching.LIVE);
        out.printf(Locale.ROOT, "tail benchmark: %,d lines at %,d lines/s into %s (namespace %s), max heap %,d MB%n",
                records, rate, es, namespace, Runtime.getRuntime().maxMemory() >> 20);
        out.flush();
        try (Writer file = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
             EsSink sink = EsSink.open(settings, note -> out.println("  " + note))) {
            ZeekTsvWriter tsv = new ZeekTsvWriter(file, false);
            tsv.writeHeader("2024-04-19-00-00-00");
            file.flush();
            TailRunner runner = new TailRunner(new TailSettings(List.of(new InputSpec(log.toString(),
                    SourceFormat.ZEEK_TSV, "bench")), dir.resolve("registry.json"), true, false, Duration.ofMillis(50),
                    Duration.ZERO, TailSettings.DEFAULT_IDLE_FLUSH, null, LocalNetworks.defaults(),
                    TailSettings.defaultThreads()), model, model.threshold(),
                    new AlertingOutput(sink, AlertSettings.DEFAULT, () -> Allowlist.EMPTY), () -> sink.writer().stats(),
                    null, new PrintWriter(Writer.nullWriter()));
            Thread tail = Thread.ofPlatform().name("bench-tail").start(() -> {
                try {
                    runner.run(Duration.ofSeconds(30));
                } catch (Exception e) {
                    out.println("tail failed: " + e);
                }
            });
            Thread searcher = Thread.ofPlatform().daemon().name("bench-search").start(() -> search(flows));
            Thread heap = Thread.ofPlatform().daemon().name("bench-heap").start(this::sampleHeap);
            write(file, tsv);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!probes.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            runner.requestStop();
            tail.join();
            searcher.interrupt();
            heap.interrupt();
        }
        report();
    }

    /** Appends the lines at the rate, flushing about every 10 ms as Zeek's writer does. */
    private void write(Writer file, ZeekTsvWriter tsv) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long perFlush = Math.max(1, rate / 100);
        List<String> pending = new ArrayList<>();
        for (long i = 0; i < records; i++) {
            Connection c = base.get((int) (i % base.size()));
            long now = System.currentTimeMillis() * 1000;
            String uid = "Cb" + Long.toString(i, 36);
            tsv.write(c.withStartMicros(now - c.durationMicros()).withRecordId(uid));
            if (i % PROBE_EVERY == 0) {
                pending.add(uid);
            }
            if (i % perFlush == perFlush - 1 || i == records - 1) {
                file.flush();
                long flushed = System.nanoTime();
                pending.forEach(p -> probes.put(p, flushed));
                pending.clear();
                long due = started + (i + 1) * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        }
    }

    /** Looks for the outstanding probes, a few hundred at a time, and records when each became searchable. */
    private void search(String index) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                List<String> batch = probes.keySet().stream().limit(500).toList();
                if (!batch.isEmpty()) {
                    String body = "{\"size\":500,\"_source\":false,\"fields\":[\"zeek.session_id\"],"
                            + "\"query\":{\"terms\":{\"zeek.session_id\":" + JSON.writeValueAsString(batch) + "}}}";
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(es.resolve("/" + index + "/_search"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    long now = System.nanoTime();
                    if (r.statusCode() == 200) {
                        for (JsonNode hit : JSON.readTree(r.body()).path("hits").path("hits")) {
                            Long written = probes.remove(hit.path("fields").path("zeek.session_id").path(0).asText());
                            if (written != null) {
                                synchronized (latenciesNanos) {
                                    latenciesNanos.add(now - written);
                                }
                            }
                        }
                    }
                }
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                // The index may not exist before the first bulk: try again.
            }
        }
    }

    private void sampleHeap() {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        while (!Thread.currentThread().isInterrupted()) {
            long used = pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            maxHeapUsed.accumulateAndGet(used, Math::max);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void report() {
        long[] sorted;
        synchronized (latenciesNanos) {
            sorted = latenciesNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        System.gc();
        long after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        out.printf(Locale.ROOT, "latency, line flushed to searchable (%,d probes, %,d never found):%n", sorted.length,
                probes.size());
        if (sorted.length > 0) {
            out.printf(Locale.ROOT, "  p50 %.2f s, p90 %.2f s, p99 %.2f s, max %.2f s%n", at(sorted, 0.50),
                    at(sorted, 0.90), at(sorted, 0.99), sorted[sorted.length - 1] / 1e9);
        }
        out.printf(Locale.ROOT, "heap: at most %,d MB in use (sampled every 100 ms; limit %,d MB), %,d MB after GC at"
                + " the end%n", maxHeapUsed.get() >> 20, Runtime.getRuntime().maxMemory() >> 20, after >> 20);
        out.flush();
    }

    private static double at(long[] sorted, double quantile) {
        int i = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e9;
    }
}
