package org.flowscore.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowscore.testing.FlowscoreProcess;
import org.flowscore.testing.InChildProcesses;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees of a running tailer: the status line, Prometheus metrics, and a clean SIGTERM. */
@InChildProcesses
class TailObservabilityTest {
    private static final Pattern METRICS = Pattern.compile("metrics at (http://127\\.0\\.0\\.1:\\d+/metrics)");

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void statusLinesAndMetricsCountWhatWasReadAndSigtermExitsZero() throws Exception {
        Path log = dir.resolve("conn.log");
        List<String> lines = Files.readAllLines(SharedData.require("zeek/zat-2013-tsv/conn.log"));
        long connections = lines.stream().filter(l -> !l.startsWith("#")).count();
        Files.write(log, lines);
        Path out = dir.resolve("flows.ndjson");
        FlowscoreProcess child = FlowscoreProcess.start(dir.resolve("tail.log"), List.of(), List.of("tail", "-o",
                out.toString(), "--registry", dir.resolve("registry.json").toString(), "--metrics-port", "0",
                "--status-interval", "1s", "--idle-flush", "1s", log.toString()));
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while ((!Files.exists(out) || Files.readAllLines(out).size() < connections) && child.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(1500);
            Matcher m = METRICS.matcher(child.log());
            assertTrue(m.find(), child.log());
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(m.group(1)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            assertTrue(metrics.body().contains("# TYPE flowscore_lines_read_total counter\nflowscore_lines_read_total "
                    + lines.size() + "\n"), metrics.body());
            assertTrue(metrics.body().contains("\nflowscore_flows_written_total " + connections + "\n"), metrics.body());
            assertTrue(metrics.body().contains("flowscore_file_lag_bytes{path=\"" + log.toAbsolutePath() + "\"} 0\n"),
                    metrics.body());
            assertTrue(child.log().contains("flowscore: tail: read " + String.format("%,d", lines.size()) + " lines"),
                    child.log());
            assertEquals(0, child.terminate(30), child.log());
            assertEquals(connections, Files.readAllLines(out).size());
        } finally {
            child.stop();
        }
    }
}
