package org.flowscore.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowscore.testing.EsRequests;
import org.flowscore.testing.FlowscoreProcess;

/** What the fault tests of consume share: its settings file, its processes, waiting for Elasticsearch. */
final class KafkaFaults {
    private KafkaFaults() {
    }

    /** A settings file for one topic and group, with a session timeout short enough for a test. */
    static Path config(Path dir, String bootstrap, String topic, String group) throws IOException {
        return Files.writeString(dir.resolve(group + ".yml"), String.join("\n",
                "kafka:",
                "  bootstrap: [" + bootstrap + "]",
                "  topics: [" + topic + "]",
                "  group: " + group,
                "  client:",
                "    session.timeout.ms: 6000",
                "    heartbeat.interval.ms: 1000",
                ""));
    }

    static FlowscoreProcess start(Path log, List<String> args) throws IOException {
        return FlowscoreProcess.start(log, List.of("-Xmx256m"), args);
    }

    /** Waits until the stream holds {@code expected} documents; fails with the processes' logs if it does not. */
    static void awaitCount(String url, String stream, long expected, int seconds, List<FlowscoreProcess> processes)
            throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long count = EsRequests.count(url, stream);
        while (count < expected && System.nanoTime() < deadline) {
            Thread.sleep(500);
            count = EsRequests.count(url, stream);
        }
        if (count != expected) {
            StringBuilder logs = new StringBuilder();
            for (FlowscoreProcess p : processes) {
                logs.append("\n--- ").append(p.isAlive() ? "running" : "exited").append(":\n").append(p.log());
            }
            assertEquals(expected, count, "documents in " + stream + logs);
        }
    }
}
