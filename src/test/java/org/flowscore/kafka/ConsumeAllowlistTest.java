package org.flowscore.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.flowscore.allowlist.WatchedAllowlist;
import org.flowscore.testing.InChildProcesses;
import org.flowscore.testing.KafkaBroker;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running consume takes a changed allowlist file into force without a restart, as tail does: the records of a
 * real conn.log arrive in two halves, and the file is rewritten between them to cover every flow.
 */
@InChildProcesses
class ConsumeAllowlistTest {
    private static final Path ZEEK = SharedData.require("zeek/zat-2019-json/conn.log");
    @TempDir
    static Path shared;
    private static KafkaBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(shared.resolve("kafka"));
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    @Timeout(180)
    void aChangedAllowlistTakesEffectWithoutARestart() throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = Records.lines(ZEEK).stream()
                .map(line -> Records.record("allow", "z1", line)).toList();
        int half = records.size() / 2;
        broker.createTopic("allow", 1);
        Path allowlist = Files.writeString(dir.resolve("allowlist.yml"),
                "- id: documentation\n  comment: a documentation address, in no log\n  destination: 192.0.2.1\n");
        Records.produce(broker.bootstrap(), records.subList(0, half));
        Path out = dir.resolve("consumed.ndjson");
        ConsumeSettings settings = ConsumeRun.settings(broker.bootstrap(), List.of("allow"), null, "allow", "key",
                null);
        try (ConsumeRun run = ConsumeRun.start(settings, out, WatchedAllowlist.open(allowlist))) {
            assertEquals(half, ConsumeRun.awaitLines(out, half, Duration.ofSeconds(60), run), run.log());
            Files.writeString(allowlist, "- id: every-v4\n  comment: all of it\n  source: 0.0.0.0/0\n"
                    + "- id: every-v6\n  comment: all of it\n  source: ::/0\n");
            String changed = "allowlist " + allowlist + " changed; entries in force: 2";
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!run.log().contains(changed)) {
                assertTrue(System.nanoTime() < deadline, "no note '" + changed + "' in:\n" + run.log());
                Thread.sleep(50);
            }
            Records.produce(broker.bootstrap(), records.subList(half, records.size()));
            assertEquals(records.size(), ConsumeRun.awaitLines(out, records.size(), Duration.ofSeconds(60), run),
                    run.log());
        }
        List<JsonNode> docs = Records.lines(out).stream().map(ConsumeAllowlistTest::json).toList();
        assertTrue(docs.subList(0, half).stream().noneMatch(ConsumeAllowlistTest::allowlisted),
                "the first list covers none");
        assertTrue(docs.subList(half, docs.size()).stream().allMatch(ConsumeAllowlistTest::allowlisted),
                "the new list covers every later flow");
        assertTrue(docs.subList(0, half).stream().anyMatch(d -> d.path("flowscore").path("alert").has("group")),
                "before the change, flagged flows alert");
    }

    private static boolean allowlisted(JsonNode doc) {
        return doc.path("flowscore").path("allowlisted").asBoolean(false);
    }

    private static JsonNode json(String line) {
        try {
            return Records.JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
