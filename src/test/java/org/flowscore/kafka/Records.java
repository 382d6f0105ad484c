package org.flowscore.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.flowscore.cli.Main;

/** Producing test records, and what {@code score} makes of the same lines, for comparison. */
final class Records {
    static final ObjectMapper JSON = new ObjectMapper();

    private Records() {
    }

    /** Sends the records and waits until the broker has them all. */
    static void produce(String bootstrap, List<ProducerRecord<byte[], byte[]>> records) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
                "key.serializer", ByteArraySerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName(), "acks", "all", "linger.ms", 5))) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (ProducerRecord<byte[], byte[]> r : records) {
                sent.add(producer.send(r));
            }
            for (java.util.concurrent.Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("producing failed: " + e.getMessage(), e);
        }
    }

    static ProducerRecord<byte[], byte[]> record(String topic, String key, String value) {
        return new ProducerRecord<>(topic, key == null ? null : bytes(key), bytes(value));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code flowscore score --sensor SENSOR -o OUT FILE...} with the default model: its documents. */
    static List<String> scored(Path dir, String sensor, Path... files) {
        Path out = dir.resolve("score-" + sensor + ".ndjson");
        List<String> args = new ArrayList<>(List.of("score", "--sensor", sensor, "-o", out.toString()));
        for (Path f : files) {
            args.add(f.toString());
        }
        if (Main.run(args.toArray(String[]::new)) != 0) {
            throw new AssertionError("score failed for " + sensor);
        }
        return lines(out);
    }

    /** The documents of a consume output, per sensor (observer.name), each sensor's in output order. */
    static Map<String, List<String>> bySensor(List<String> documents) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String d : documents) {
            try {
                out.computeIfAbsent(JSON.readTree(d).at("/observer/name").asText(), k -> new ArrayList<>()).add(d);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
