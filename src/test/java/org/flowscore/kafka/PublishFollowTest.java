package org.flowscore.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.flowscore.read.ReadOptions;
import org.flowscore.source.kafka.KafkaConnection;
import org.flowscore.source.registry.FileCheckpoints;
import org.flowscore.source.registry.Registry;
import org.flowscore.testing.InChildProcesses;
import org.flowscore.testing.KafkaBroker;
import org.flowscore.testing.RotatingConnLog;
import org.flowscore.testing.StandInPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code publish --follow} on a Zeek TSV conn.log being written and rotated: every connection reaches the topic as
 * a Zeek JSON record keyed by the sensor, exactly once across a stop and a restart that resumes from the registry.
 */
@InChildProcesses
class PublishFollowTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void aRotatingLogIsProducedOnceAcrossARestart() throws Exception {
        List<String> header = new ArrayList<>();
        List<String> records = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(StandInPipeline.ritaDay().getFirst())), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.startsWith("#")) {
                    records.add(line);
                } else if (!line.startsWith("#close")) {
                    header.add(line);
                }
            }
        }
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path registry = dir.resolve("registry.json");
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"));
             RotatingConnLog writer = new RotatingConnLog(logs, header)) {
            broker.createTopic("live", 2);
            StringWriter log = new StringWriter();
            Running first = started(broker, logs, registry, log);
            for (int i = 0; i < records.size(); i++) {
                writer.write(records.get(i));
                if (i % 100 == 99) {
                    writer.flush();
                    Thread.sleep(20);
                }
                if (i == 99) {
                    awaitFile(registry, log);
                }
                if (i == 600) {
                    writer.rotate();
                }
                if (i == 1_000) {
                    writer.flush();
                    Thread.sleep(500);
                    first.stop(log);
                    first = started(broker, logs, registry, log);
                }
            }
            writer.flush();
            Set<String> uids = new HashSet<>();
            List<String> values = read(broker, records.size());
            first.stop(log);
            for (String v : values) {
                uids.add(Records.JSON.readTree(v).get("uid").asText());
            }
            assertEquals(records.size(), values.size(), "each record once: " + log);
            Set<String> expected = new HashSet<>();
            records.forEach(r -> expected.add(r.split("\t")[2]));
            assertEquals(expected, uids);
            assertTrue(log.toString().contains("where an earlier run left off"), log.toString());
        }
    }

    /**
     * Waits until the publisher saved its registry, so it has opened the log: a file rotated away before it
     * started would be history, for {@code publish} without {@code --follow}.
     */
    private static void awaitFile(Path file, StringWriter log) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(file), "the publisher did not start: " + log);
    }

    /** A publisher following in a thread, and its registry, closed once it stopped. */
    private record Running(FollowPublisher publisher, FileCheckpoints checkpoints) {
        void stop(StringWriter log) throws Exception {
            publisher.requestStop();
            assertTrue(publisher.awaitStopped(30, TimeUnit.SECONDS), log.toString());
            checkpoints.close();
        }
    }

    private static Running started(KafkaBroker broker, Path logs, Path registry, StringWriter log) throws Exception {
        FileCheckpoints checkpoints = new FileCheckpoints(Registry.open(registry, false));
        FollowPublisher p = new FollowPublisher(new KafkaConnection(List.of(broker.bootstrap())), "live",
                "live-sensor", List.of(logs.resolve("conn.log")), ReadOptions.defaults(), checkpoints,
                new PrintWriter(log, true));
        Thread.ofPlatform().start(() -> {
            try {
                p.run(50);
            } catch (Exception e) {
                log.append("failed: ").append(e.toString());
            }
        });
        return new Running(p, checkpoints);
    }

    /** The topic's values once it holds {@code expected} records, and whatever came within a second after. */
    private static List<String> read(KafkaBroker broker, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                broker.bootstrap(), "group.id", "follow-check", "auto.offset.reset", "earliest",
                "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName()))) {
            consumer.subscribe(List.of("live"));
            long deadline = System.nanoTime() + 90_000_000_000L;
            long quietUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, quietUntil)) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    assertEquals("live-sensor", new String(r.key(), StandardCharsets.UTF_8));
                    values.add(new String(r.value(), StandardCharsets.UTF_8));
                }
                if (values.size() >= expected && quietUntil == Long.MAX_VALUE) {
                    quietUntil = System.nanoTime() + 1_000_000_000L;
                }
            }
        }
        return values;
    }
}
