package org.flowscore.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.flowscore.sink.kafka.KafkaOutput;
import org.flowscore.testing.InChildProcesses;
import org.flowscore.testing.KafkaBroker;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every payload form sensors and shippers write, and every layout of sensors over topics, reaches the same documents
 * as {@code score} over the original log with the same sensor name: bare Zeek JSON records and Suricata EVE lines
 * keyed by sensor, zeek-kafka's tagged records named by one of their additional values, Filebeat's envelope named
 * by its {@code host.name}, a topic per sensor named by the subscription pattern (whose partitions' committed
 * offsets and lag the status line and the metrics show). Records that are none of these are counted and skipped;
 * an unkeyed topic of several partitions, and a sensor spread over two partitions, are refused, naming rekey. The scored documents can go to a topic too, keyed by their ids.
 */
@InChildProcesses
class ConsumePayloadFormsTest {
    private static final Path ZEEK = SharedData.require("zeek/zat-2019-json/conn.log");
    private static final Path EVE = SharedData.require("suricata/slips-test6/eve.json");
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
    @Timeout(120)
    void bareZeekAndEveLinesKeyedBySensorScoreAsTheirLogs() throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        Records.lines(ZEEK).forEach(l -> records.add(Records.record("bare", "z1", l)));
        records.add(Records.record("bare", "z1", "not a record at all"));
        records.add(new ProducerRecord<>("bare", Records.bytes("z1"), new byte[] {0, 1, 2, '{'}));
        records.add(Records.record("bare", "z1", "{\"dns\": {\"ts\": 1, \"query\": \"example.org\"}}"));
        Records.lines(EVE).forEach(l -> records.add(Records.record("eve", "s1", l)));
        broker.createTopic("bare", 1);
        broker.createTopic("eve", 2);
        Records.produce(broker.bootstrap(), records);

        List<String> zeek = Records.scored(dir, "z1", ZEEK);
        List<String> eve = Records.scored(dir, "s1", EVE);
        Path out = dir.resolve("consumed.ndjson");
        try (ConsumeRun run = ConsumeRun.start(broker.bootstrap(), List.of("bare", "eve"), null, "forms-key", "key",
                out)) {
            assertEquals(zeek.size() + eve.size(), ConsumeRun.awaitLines(out, zeek.size() + eve.size(),
                    Duration.ofSeconds(60), run), run.log());
            Thread.sleep(1500);
            ConsumeStatus status = run.status();
            assertEquals(3, status.skipped(), run.log());
            assertEquals(records.size(), status.records());
        }
        Map<String, List<String>> consumed = Records.bySensor(Records.lines(out));
        assertEquals(zeek, consumed.get("z1"));
        assertEquals(eve, consumed.get("s1"));
    }

    @Test
    @Timeout(120)
    void zeekKafkaTaggedRecordsNamedByAnAdditionalValue() throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (String line : Records.lines(ZEEK)) {
            records.add(Records.record("tagged", null, "{\"conn\":" + line + ",\"sensor\":\"z2\"}"));
        }
        broker.createTopic("tagged", 1);
        Records.produce(broker.bootstrap(), records);
        List<String> expected = Records.scored(dir, "z2", ZEEK);
        Path out = dir.resolve("consumed.ndjson");
        try (ConsumeRun run = ConsumeRun.start(broker.bootstrap(), List.of("tagged"), null, "forms-tagged",
                "field:sensor", out)) {
            assertEquals(expected.size(), ConsumeRun.awaitLines(out, expected.size(), Duration.ofSeconds(60), run),
                    run.log());
        }
        assertEquals(expected, Records.lines(out));
    }

    @Test
    @Timeout(120)
    void filebeatEnvelopesOfEveLinesNamedByHostName() throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (String line : Records.lines(EVE)) {
            ObjectNode envelope = Records.JSON.createObjectNode();
            envelope.put("@timestamp", "2024-04-19T00:00:00.000Z");
            envelope.put("message", line);
            envelope.putObject("host").put("name", "s2");
            envelope.putObject("agent").put("type", "filebeat");
            records.add(Records.record("filebeat", "s2", envelope.toString()));
        }
        broker.createTopic("filebeat", 3);
        Records.produce(broker.bootstrap(), records);
        List<String> expected = Records.scored(dir, "s2", EVE);
        Path out = dir.resolve("consumed.ndjson");
        try (ConsumeRun run = ConsumeRun.start(broker.bootstrap(), List.of("filebeat"), null, "forms-filebeat",
                "field:host.name", out)) {
            assertEquals(expected.size(), ConsumeRun.awaitLines(out, expected.size(), Duration.ofSeconds(60), run),
                    run.log());
        }
        assertEquals(expected, Records.lines(out));
    }

    @Test
    @Timeout(120)
    void aTopicPerSensorIsNamedByThePatternAndEachPartitionsCommitAndLagAreShown() throws Exception {
        List<String> lines = Records.lines(ZEEK);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (String sensor : List.of("dmz", "lab")) {
            broker.createTopic("zeek-conn-" + sensor, 1);
            lines.forEach(l -> records.add(Records.record("zeek-conn-" + sensor, null, l)));
        }
        Records.produce(broker.bootstrap(), records);
        List<String> dmz = Records.scored(dir, "dmz", ZEEK);
        List<String> lab = Records.scored(dir, "lab", ZEEK);
        Path out = dir.resolve("consumed.ndjson");
        try (ConsumeRun run = ConsumeRun.start(ConsumeRun.settings(broker.bootstrap(), List.of(), "zeek-conn-(.+)",
                "forms-topics", "topic", 0), out, List.of())) {
            assertEquals(records.size(), ConsumeRun.awaitLines(out, records.size(), Duration.ofSeconds(60), run),
                    run.log());
            ConsumeStatus status = run.awaitCommitted(lines.size(), Duration.ofSeconds(20));
            for (String topic : List.of("zeek-conn-dmz", "zeek-conn-lab")) {
                String partition = topic + "-0: committed " + lines.size() + ", lag 0, 1 sensor";
                assertTrue(status.line().contains(partition), status.line());
                String labels = "{topic=\"" + topic + "\",partition=\"0\"} ";
                String metrics = run.metrics();
                assertTrue(metrics.contains("flowscore_kafka_committed_offset" + labels + lines.size() + "\n"),
                        metrics);
                assertTrue(metrics.contains("flowscore_kafka_lag_records" + labels + "0\n"), metrics);
            }
        }
        Map<String, List<String>> consumed = Records.bySensor(Records.lines(out));
        assertEquals(dmz, consumed.get("dmz"));
        assertEquals(lab, consumed.get("lab"));
    }

    @Test
    @Timeout(120)
    void scoredDocumentsGoToATopicKeyedByTheirIds() throws Exception {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        Records.lines(ZEEK).forEach(l -> records.add(Records.record("to-index", "z4", l)));
        broker.createTopic("to-index", 1);
        broker.createTopic("scored", 2);
        Records.produce(broker.bootstrap(), records);
        Path out = dir.resolve("consumed.ndjson");
        try (KafkaOutput scored = new KafkaOutput(Map.of("bootstrap.servers", broker.bootstrap()), "scored",
                note -> { });
             ConsumeRun run = ConsumeRun.start(ConsumeRun.settings(broker.bootstrap(), List.of("to-index"), null,
                     "forms-output", "key", null), out, List.of(scored))) {
            assertEquals(records.size(), ConsumeRun.awaitLines(out, records.size(), Duration.ofSeconds(60), run),
                    run.log());
        }
        Map<String, String> byId = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                broker.bootstrap(), "group.id", "scored-check", "auto.offset.reset", "earliest",
                "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName()))) {
            consumer.subscribe(List.of("scored"));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (byId.size() < records.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    byId.put(new String(r.key(), StandardCharsets.UTF_8), new String(r.value(), StandardCharsets.UTF_8));
                }
            }
        }
        for (String document : Records.lines(out)) {
            assertEquals(document, byId.get(Records.JSON.readTree(document).at("/event/id").asText()));
        }
        assertEquals(records.size(), byId.size());
    }

    @Test
    @Timeout(120)
    void aSensorWhoseRecordsArriveInTwoPartitionsIsRefusedNamingRekey() throws Exception {
        broker.createTopic("mixed-keys", 2);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<String> lines = Records.lines(ZEEK);
        for (int i = 0; i < lines.size(); i++) {
            records.add(new ProducerRecord<>("mixed-keys", i % 2, Records.bytes("uid-" + i),
                    Records.bytes("{\"conn\":" + lines.get(i) + ",\"sensor\":\"z5\"}")));
        }
        Records.produce(broker.bootstrap(), records);
        try (ConsumeRun run = ConsumeRun.start(broker.bootstrap(), List.of("mixed-keys"), null, "forms-mixed",
                "field:sensor", dir.resolve("consumed.ndjson"))) {
            Throwable failure = run.awaitFailure(Duration.ofSeconds(60));
            assertInstanceOf(TopicLayoutException.class, failure, run.log());
            assertTrue(failure.getMessage().contains("sensor z5 has records in partitions"), failure.getMessage());
            assertTrue(failure.getMessage().contains("flowscore rekey"), failure.getMessage());
        }
    }

    @Test
    @Timeout(120)
    void anUnkeyedTopicOfSeveralPartitionsIsRefusedNamingRekey() throws Exception {
        broker.createTopic("unkeyed", 4);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (String line : Records.lines(ZEEK)) {
            records.add(Records.record("unkeyed", null, "{\"conn\":" + line + ",\"sensor\":\"z3\"}"));
        }
        Records.produce(broker.bootstrap(), records);
        Path out = dir.resolve("consumed.ndjson");
        try (ConsumeRun run = ConsumeRun.start(broker.bootstrap(), List.of("unkeyed"), null, "forms-unkeyed",
                "field:sensor", out)) {
            Throwable failure = run.awaitFailure(Duration.ofSeconds(60));
            assertInstanceOf(TopicLayoutException.class, failure, run.log());
            assertTrue(failure.getMessage().contains("flowscore rekey"), failure.getMessage());
            assertTrue(failure.getMessage().contains("4 partitions"), failure.getMessage());
        }
        assertEquals(0, ConsumeRun.count(out));
    }
}
