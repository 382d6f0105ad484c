package org.flowscore.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.flowscore.source.kafka.KafkaConnection;
import org.flowscore.source.kafka.SensorSource;
import org.flowscore.testing.InChildProcesses;
import org.flowscore.testing.KafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain zeek-kafka topic: four sensors' tagged records without a key, spread over four partitions at random, as
 * librdkafka spreads records without a key. rekey makes a topic keyed by sensor of it, each record once, each
 * sensor in one partition, in the order it was produced, so consume gives every sensor's documents exactly as
 * {@code score} over its log does.
 */
@InChildProcesses
class RekeyTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(240)
    void anUnkeyedZeekKafkaTopicRekeyedScoresAsEachSensorsLog() throws Exception {
        Map<String, List<String>> sensors = new LinkedHashMap<>();
        SensorLogs.ritaDay().entrySet().stream().limit(4)
                .forEach(e -> sensors.put(e.getKey(), e.getValue().subList(0, 1500)));
        List<String[]> stream = SensorLogs.interleaved(sensors);
        try (KafkaBroker broker = KafkaBroker.start(dir.resolve("kafka"))) {
            broker.createTopic("zeek", 4);
            broker.createTopic("zeek-by-sensor", 3);
            produceAsZeekKafka(broker, stream);

            StringWriter log = new StringWriter();
            RekeyRunner rekey = new RekeyRunner(new KafkaConnection(List.of(broker.bootstrap())), "zeek",
                    "zeek-by-sensor", SensorSource.parse("field:sensor", null), "rekey-test", Duration.ZERO,
                    new PrintWriter(log, true));
            Thread running = Thread.ofPlatform().start(rekey::run);
            Map<String, List<String>> keyed = readAll(broker, "zeek-by-sensor", stream.size());
            rekey.requestStop();
            assertTrue(rekey.awaitStopped(30, TimeUnit.SECONDS), log.toString());
            running.join();

            for (var sensor : sensors.entrySet()) {
                List<String> values = keyed.get(sensor.getKey());
                assertEquals(sensor.getValue().size(), values.size(), sensor.getKey());
                assertEquals(sensor.getValue().size(), new HashSet<>(values).size(), "each record once");
            }
            Map<String, Path> files = SensorLogs.files(sensors, Files.createDirectories(dir.resolve("logs")));
            Path out = dir.resolve("consumed.ndjson");
            try (ConsumeRun run = ConsumeRun.start(broker.bootstrap(), List.of("zeek-by-sensor"), null,
                    "after-rekey", "key", out)) {
                assertEquals(stream.size(), ConsumeRun.awaitLines(out, stream.size(), Duration.ofSeconds(90), run),
                        run.log());
            }
            Map<String, List<String>> consumed = Records.bySensor(Records.lines(out));
            for (var sensor : files.entrySet()) {
                assertEquals(Records.scored(dir, sensor.getKey(), sensor.getValue()), consumed.get(sensor.getKey()),
                        sensor.getKey());
            }
        }
    }

    /**
     * As zeek-kafka sends: tagged records with the sensor among the additional values, no key, each record to a
     * partition of librdkafka's choosing (random without a key), as they are logged: a live sensor's rate, each
     * record in a millisecond of its own.
     */
    private static void produceAsZeekKafka(KafkaBroker broker, List<String[]> stream) throws Exception {
        Random partitions = new Random(17);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                broker.bootstrap(), "key.serializer", ByteArraySerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName(), "linger.ms", 0))) {
            long last = 0;
            for (String[] r : stream) {
                while (System.currentTimeMillis() == last) {
                    Thread.onSpinWait();
                }
                last = System.currentTimeMillis();
                producer.send(new ProducerRecord<>("zeek", partitions.nextInt(4), null,
                        Records.bytes("{\"conn\":" + r[1] + ",\"sensor\":\"" + r[0] + "\"}")));
            }
            producer.flush();
        }
    }

    /** The keyed topic's values by key, once it holds {@code expected} records; each key in one partition. */
    private static Map<String, List<String>> readAll(KafkaBroker broker, String topic, int expected) {
        Map<String, List<String>> byKey = new HashMap<>();
        Map<String, Set<Integer>> partitions = new HashMap<>();
        int read = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                broker.bootstrap(), "group.id", "rekey-check", "auto.offset.reset", "earliest",
                "isolation.level", "read_committed", "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (read < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    String key = new String(r.key(), StandardCharsets.UTF_8);
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new String(r.value(),
                            StandardCharsets.UTF_8));
                    partitions.computeIfAbsent(key, k -> new HashSet<>()).add(r.partition());
                    read++;
                }
            }
        }
        assertEquals(expected, read, "records in " + topic);
        partitions.forEach((key, in) -> assertEquals(1, in.size(), key + " in partitions " + in));
        return byKey;
    }
}
