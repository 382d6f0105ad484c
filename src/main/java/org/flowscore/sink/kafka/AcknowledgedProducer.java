package org.flowscore.sink.kafka;

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

/**
 * A producer that acknowledges each record once every in-sync replica has it, for the scored documents
 * ({@link KafkaOutput}) and for {@code publish}'s records alike. A record the brokers refused for good (away
 * longer than the delivery timeout) is kept, not acknowledged, and sent again by {@link #sendFailedAgain}: nothing
 * is acknowledged that was not stored, so a registry or a committed offset never passes it.
 */
public final class AcknowledgedProducer implements AutoCloseable {
    private record Unsent(ProducerRecord<byte[], byte[]> record, Acknowledgement stored) {
    }

    private final KafkaProducer<byte[], byte[]> producer;
    private final Consumer<String> log;
    private final Queue<Unsent> failed = new ConcurrentLinkedQueue<>();
    private volatile String lastFailure;

    /**
     * @param clientProperties the connection's properties (brokers, TLS, SASL), its overrides laid over them
     * @param log              where a failed send is reported, once per kind of failure
     */
    public AcknowledgedProducer(Map<String, Object> clientProperties, Consumer<String> log) {
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // Idempotence keeps a partition's records in the order they were sent through retries.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(p);
        this.log = log;
    }

    /** Sends the record; {@code stored} is called once the brokers have it. */
    public void send(ProducerRecord<byte[], byte[]> record, Acknowledgement stored) {
        producer.send(record, (metadata, failure) -> {
            if (failure == null) {
                stored.acknowledged();
                return;
            }
            failed.add(new Unsent(record, stored));
            if (!failure.toString().equals(lastFailure)) {
                lastFailure = failure.toString();
                log.accept("producing to " + record.topic() + " failed (" + failure.getMessage()
                        + "); sending again");
            }
        });
    }

    /** Sends again what the brokers refused since the last call. */
    public void sendFailedAgain() {
        for (Unsent u = failed.poll(); u != null; u = failed.poll()) {
            send(u.record(), u.stored());
        }
    }

    /** Waits until every record sent was acknowledged or refused. */
    public void flush() {
        producer.flush();
    }

    /** Records refused for good and not sent again yet. */
    public int failed() {
        return failed.size();
    }

    @Override
    public void close() {
        producer.close();
    }
}
