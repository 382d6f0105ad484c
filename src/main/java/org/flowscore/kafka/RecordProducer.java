package org.flowscore.kafka;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.flow.Connection;
import org.flowscore.flow.SourceFormat;
import org.flowscore.format.ZeekJsonWriter;
import org.flowscore.source.SourceLine;
import org.flowscore.source.kafka.KafkaConnection;

/**
 * {@code publish}'s producer: each connection's line as a record keyed by the sensor, acknowledged once every
 * in-sync replica has it. A Zeek JSON or Suricata EVE line goes as it is; a Zeek TSV line, meaningless without its
 * header, as the Zeek JSON record of its connection. A record the brokers refused for good (away longer than the
 * delivery timeout) is kept, not acknowledged, and sent again by {@link #sendFailedAgain}.
 */
final class RecordProducer implements AutoCloseable {
    private record Unsent(ProducerRecord<byte[], byte[]> record, Acknowledgement stored) {
    }

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final byte[] key;
    private final PrintWriter err;
    private final Queue<Unsent> failed = new ConcurrentLinkedQueue<>();
    private final StringWriter tsvAsJson = new StringWriter(512);
    private final ZeekJsonWriter json = new ZeekJsonWriter(tsvAsJson);
    private volatile String lastFailure;
    private long sent;

    RecordProducer(KafkaConnection connection, String topic, String sensor, PrintWriter err) {
        Map<String, Object> p = new HashMap<>(connection.clientProperties());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // Idempotence keeps a partition's records in the order they were sent through retries.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(connection.withOverrides(p));
        this.topic = topic;
        this.key = sensor.getBytes(StandardCharsets.UTF_8);
        this.err = err;
    }

    /** Produces the connection's line; {@code stored} is called once the brokers have it. */
    void send(Connection c, SourceLine line, Acknowledgement stored) {
        sent++;
        send(new ProducerRecord<>(topic, key, value(c, line)), stored);
    }

    private void send(ProducerRecord<byte[], byte[]> record, Acknowledgement stored) {
        producer.send(record, (metadata, failure) -> {
            if (failure == null) {
                stored.acknowledged();
                return;
            }
            failed.add(new Unsent(record, stored));
            if (!failure.toString().equals(lastFailure)) {
                lastFailure = failure.toString();
                err.println("flowscore: producing to " + topic + " failed: " + failure.getMessage());
                err.flush();
            }
        });
    }

    /** Sends again what the brokers refused since the last call. */
    void sendFailedAgain() {
        for (Unsent u = failed.poll(); u != null; u = failed.poll()) {
            send(u.record(), u.stored());
        }
    }

    /** Waits until every record sent was acknowledged or refused. */
    void flush() {
        producer.flush();
    }

    /** Records refused for good and not sent again. */
    int failed() {
        return failed.size();
    }

    long sent() {
        return sent;
    }

    private byte[] value(Connection c, SourceLine line) {
        if (c.format() != SourceFormat.ZEEK_TSV) {
            return line.bytes();
        }
        tsvAsJson.getBuffer().setLength(0);
        try {
            json.write(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tsvAsJson.toString().strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
