package org.flowscore.kafka;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.flow.Connection;
import org.flowscore.flow.SourceFormat;
import org.flowscore.format.ZeekJsonWriter;
import org.flowscore.sink.kafka.AcknowledgedProducer;
import org.flowscore.source.SourceLine;
import org.flowscore.source.kafka.KafkaConnection;

/**
 * {@code publish}'s producer: each connection's line as a record keyed by the sensor, acknowledged once every
 * in-sync replica has it. A Zeek JSON or Suricata EVE line goes as it is; a Zeek TSV line, meaningless without its
 * header, as the Zeek JSON record of its connection. A record the brokers refused for good is kept, not
 * acknowledged, and sent again by {@link #sendFailedAgain}.
 */
final class RecordProducer implements AutoCloseable {
    private final AcknowledgedProducer producer;
    private final String topic;
    private final byte[] key;
    private final StringWriter tsvAsJson = new StringWriter(512);
    private final ZeekJsonWriter json = new ZeekJsonWriter(tsvAsJson);
    private long sent;

    RecordProducer(KafkaConnection connection, String topic, String sensor, PrintWriter err) {
        this.producer = new AcknowledgedProducer(connection.withOverrides(connection.clientProperties()), message -> {
            err.println("flowscore: " + message);
            err.flush();
        });
        this.topic = topic;
        this.key = sensor.getBytes(StandardCharsets.UTF_8);
    }

    /** Produces the connection's line; {@code stored} is called once the brokers have it. */
    void send(Connection c, SourceLine line, Acknowledgement stored) {
        sent++;
        producer.send(new ProducerRecord<>(topic, key, value(c, line)), stored);
    }

    /** Sends again what the brokers refused since the last call. */
    void sendFailedAgain() {
        producer.sendFailedAgain();
    }

    /** Waits until every record sent was acknowledged or refused. */
    void flush() {
        producer.flush();
    }

    /** Records refused for good and not sent again. */
    int failed() {
        return producer.failed();
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
