package org.flowscore.sink.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.RenderedFlow;
import org.flowscore.sink.Renditions;

/**
 * Every flow's ECS document (as it would be indexed) into a topic, keyed by its deterministic document id, so a
 * compacted topic or the team's own indexer keeps a redelivered flow once. A flow is acknowledged when every
 * in-sync replica has it; a send that fails for good is sent again at the next flush ({@link AcknowledgedProducer}).
 */
public final class KafkaOutput implements FlowOutput, AutoCloseable {
    /** The document and its id; the alert copies stay with Elasticsearch's alert stream. */
    private static final Renditions NEEDS = new Renditions(true, true, false);

    private final AcknowledgedProducer producer;
    private final String topic;

    /**
     * @param clientProperties the connection's properties (brokers, TLS, SASL), with its overrides
     * @param log              where a failed send is reported, once per kind of failure
     */
    public KafkaOutput(Map<String, Object> clientProperties, String topic, Consumer<String> log) {
        this.producer = new AcknowledgedProducer(clientProperties, message -> log.accept("--kafka-output: " + message));
        this.topic = topic;
    }

    @Override
    public Renditions needs() {
        return NEEDS;
    }

    @Override
    public void write(RenderedFlow flow, Acknowledgement stored) {
        producer.send(new ProducerRecord<>(topic, flow.id().getBytes(StandardCharsets.UTF_8),
                flow.event()), stored);
    }

    /** Sends again what failed for good since the last flush. */
    @Override
    public void flush() {
        producer.sendFailedAgain();
    }

    /** Waits until the brokers have everything sent (sending again what failed, until it went through). */
    @Override
    public void finish() {
        do {
            producer.sendFailedAgain();
            producer.flush();
        } while (producer.failed() > 0);
    }

    @Override
    public void close() {
        producer.close();
    }
}
