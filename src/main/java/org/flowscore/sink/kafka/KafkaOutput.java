package org.flowscore.sink.kafka;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.RenderedFlow;
import org.flowscore.sink.Renditions;

/**
 * Every flow's ECS document (as it would be indexed) into a topic, keyed by its deterministic document id, so a
 * compacted topic or the team's own indexer keeps a redelivered flow once. A flow is acknowledged when every
 * in-sync replica has it; a send that fails for good (the brokers away longer than the delivery timeout) is sent
 * again at the next flush, so nothing is acknowledged that was not stored.
 */
public final class KafkaOutput implements FlowOutput, AutoCloseable {
    /** The document and its id; the alert copies stay with Elasticsearch's alert stream. */
    private static final Renditions NEEDS = new Renditions(true, true, false);

    private record Unsent(ProducerRecord<byte[], byte[]> record, Acknowledgement stored) {
    }

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final Consumer<String> log;
    private final Queue<Unsent> failed = new ConcurrentLinkedQueue<>();
    private volatile String lastFailure;

    /**
     * @param clientProperties the connection's properties (brokers, TLS, SASL), with its overrides
     * @param log              where a failed send is reported, once per kind of failure
     */
    public KafkaOutput(Map<String, Object> clientProperties, String topic, Consumer<String> log) {
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(p);
        this.topic = topic;
        this.log = log;
    }

    @Override
    public Renditions needs() {
        return NEEDS;
    }

    @Override
    public void write(RenderedFlow flow, Acknowledgement stored) {
        send(new ProducerRecord<>(topic, flow.id().getBytes(StandardCharsets.UTF_8),
                flow.event().getBytes(StandardCharsets.UTF_8)), stored);
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
                log.accept("--kafka-output " + topic + ": sending failed (" + failure.getMessage()
                        + "); sending again");
            }
        });
    }

    /** Sends again what failed for good since the last flush. */
    @Override
    public void flush() {
        for (Unsent u = failed.poll(); u != null; u = failed.poll()) {
            send(u.record(), u.stored());
        }
    }

    /** Waits until the brokers have everything sent (sending again what failed, until it went through). */
    @Override
    public void finish() {
        do {
            flush();
            producer.flush();
        } while (!failed.isEmpty());
    }

    @Override
    public void close() {
        producer.close();
    }
}
