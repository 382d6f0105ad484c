package org.flowscore.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.flowscore.setup.EsHttp;
import org.flowscore.setup.TemplateInstaller;
import org.flowscore.testing.AgainstElasticsearch;
import org.flowscore.testing.ElasticsearchServer;
import org.flowscore.testing.EsRequests;
import org.flowscore.testing.FlowscoreProcess;
import org.flowscore.testing.KafkaBroker;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rita-missing-host archive (48 gzipped hourly Zeek TSV files, 70,440 connections) published to a topic by a
 * process killed with SIGKILL part way and started again: every connection is in the topic at least once, and
 * consume indexes each exactly once.
 */
@AgainstElasticsearch
class PublishTest {
    private static final long CONNECTIONS = 70_440;

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void publishKilledAndRestartedProducesEveryRecordAndEachIsScoredOnce() throws Exception {
        String url = ElasticsearchServer.shared().url();
        String ns = "kafkapublish";
        new TemplateInstaller(new EsHttp(URI.create(url))).install(ns, "test");
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"))) {
            broker.createTopic("history", 4);
            List<String> publish = List.of("publish", "--kafka-bootstrap", broker.bootstrap(), "--topic", "history",
                    "--sensor", "rita", "--registry", dir.resolve("registry.json").toString(),
                    SharedData.require("zeek/rita-missing-host").toString());
            FlowscoreProcess first = FlowscoreProcess.start(dir.resolve("publish-1.log"), List.of(), publish);
            long atKill = awaitRecords(broker, 15_000, first);
            assertTrue(first.isAlive(), "publish was to be killed part way: " + first.log());
            first.kill();
            assertTrue(atKill < CONNECTIONS, "killed after " + atKill + " records");
            FlowscoreProcess second = FlowscoreProcess.start(dir.resolve("publish-2.log"), List.of(), publish);
            assertEquals(0, second.awaitExit(120), second.log());
            assertTrue(second.log().contains("left out"), second.log());

            long produced = records(broker);
            assertTrue(produced >= CONNECTIONS, produced + " records");
            assertEquals(CONNECTIONS, distinctValues(broker, produced), "every connection at least once");

            FlowscoreProcess consume = KafkaFaults.start(dir.resolve("consume.log"), List.of("consume", "--config",
                    KafkaFaults.config(dir, broker.bootstrap(), "history", "publish-test").toString(), "--es", url,
                    "--namespace", ns, "--dead-letter", dir.resolve("dead.ndjson").toString(),
                    "--status-interval", "10s"));
            try {
                String flows = "logs-flowscore.flow-" + ns;
                KafkaFaults.awaitCount(url, flows, CONNECTIONS, 180, List.of(consume));
                assertEquals(0, consume.terminate(30), consume.log());
                assertEquals(CONNECTIONS, EsRequests.count(url, flows));
                assertEquals(0, EsRequests.repeatedValues(url, flows, "event.id").size());
            } finally {
                consume.stop();
            }
        }
    }

    /** Waits until the topic holds at least {@code least} records (or the process ended); how many it holds. */
    private static long awaitRecords(KafkaBroker broker, long least, FlowscoreProcess publisher) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        long n = records(broker);
        while (n < least && publisher.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            n = records(broker);
        }
        return n;
    }

    private static long records(KafkaBroker broker) throws Exception {
        try (Admin admin = broker.admin()) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int p = 0; p < 4; p++) {
                latest.put(new TopicPartition("history", p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
                    .mapToLong(o -> o.offset()).sum();
        }
    }

    private static long distinctValues(KafkaBroker broker, long records) {
        Set<String> values = new HashSet<>();
        long read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                broker.bootstrap(), "group.id", "publish-check", "auto.offset.reset", "earliest",
                "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName()))) {
            consumer.subscribe(List.of("history"));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (read < records && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    assertEquals("rita", new String(r.key(), StandardCharsets.UTF_8));
                    values.add(new String(r.value(), StandardCharsets.UTF_8));
                    read++;
                }
            }
        }
        assertEquals(records, read);
        return values.size();
    }
}
