package org.flowscore.kafka;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.flowscore.source.kafka.KafkaConnection;
import org.flowscore.source.kafka.PayloadDecoder;
import org.flowscore.source.kafka.RecordPayload;
import org.flowscore.source.kafka.SensorSource;

/**
 * {@code rekey}: an unkeyed topic whose sensors are spread over its partitions (plain zeek-kafka) into a topic keyed
 * by sensor, so that each sensor's records land in one partition in one order and {@code consume} can window them.
 *
 * <p>One process reads every partition of the source topic and merges them back into the order they were produced
 * in: always the record with the earliest timestamp at the head of a partition, once every other partition has a
 * record waiting or is read to its end (see {@link #next} for records of the same millisecond). Records are produced with their key (the sensor), value and timestamp
 * in transactions that also commit the source offsets, so each record reaches the keyed topic exactly once even
 * when rekey is killed; {@code consume} reads only committed transactions. A second rekey of the same group
 * fences the first off rather than splitting the partitions.
 */
public final class RekeyRunner {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long TRANSACTION_NANOS = 200_000_000L;
    private static final int TRANSACTION_RECORDS = 5_000;
    /** A partition this far ahead of the others is paused, so memory stays bounded. */
    private static final int MAX_WAITING = 20_000;

    /** A record waiting for its turn, with its sensor. */
    private record Waiting(ConsumerRecord<byte[], byte[]> record, String sensor) {
    }

    private final KafkaConnection connection;
    private final String from;
    private final String to;
    private final SensorSource sensors;
    private final String group;
    private final Duration statusInterval;
    private final PrintWriter err;
    private final PayloadDecoder decoder;
    private final Map<TopicPartition, ArrayDeque<Waiting>> waiting = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> passed = new HashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopRequested;
    /** Where the last record came from: records of one millisecond are taken from it first. */
    private TopicPartition current;
    private long read;
    private long produced;
    private long noSensor;

    /**
     * @param sensors where a record's sensor name comes from (a field, or the topic): the key it gets
     * @param group   the group its source offsets are committed under
     */
    public RekeyRunner(KafkaConnection connection, String from, String to, SensorSource sensors, String group,
                       Duration statusInterval, PrintWriter err) {
        if (sensors instanceof SensorSource.FromKey) {
            throw new IllegalArgumentException("rekey takes the sensor from a field (--sensor-from field:NAME) or the"
                    + " topic: the records it re-keys have no key");
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("rekey writes into another topic than it reads (--to)");
        }
        this.connection = connection;
        this.from = from;
        this.to = to;
        this.sensors = sensors;
        this.group = group;
        this.statusInterval = statusInterval;
        this.err = err;
        this.decoder = new PayloadDecoder(sensors.field());
    }

    public void requestStop() {
        stopRequested = true;
    }

    public boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit);
    }

    /** Re-keys until a stop is requested; then commits what was produced and returns. */
    public void run() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties())) {
            producer.initTransactions();
            List<TopicPartition> partitions = consumer.partitionsFor(from, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("topic " + from + " does not exist");
            }
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            for (TopicPartition tp : partitions) {
                waiting.put(tp, new ArrayDeque<>());
                OffsetAndMetadata c = committed.get(tp);
                if (c != null) {
                    consumer.seek(tp, c.offset());
                }
            }
            note("re-keying " + from + " (" + partitions.size() + " partitions) into " + to + " by the record's "
                    + sensors + ", as group " + group);
            loop(consumer, producer);
        } finally {
            stopped.countDown();
        }
    }

    private void loop(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer) {
        long nextStatus = statusInterval.isZero() ? Long.MAX_VALUE : System.nanoTime() + statusInterval.toNanos();
        while (!stopRequested) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                read++;
                waiting.get(new TopicPartition(r.topic(), r.partition())).add(waitingOf(r));
            }
            produceInTurn(consumer, producer);
            for (var e : waiting.entrySet()) {
                if (e.getValue().size() > MAX_WAITING) {
                    consumer.pause(List.of(e.getKey()));
                } else {
                    consumer.resume(List.of(e.getKey()));
                }
            }
            if (System.nanoTime() >= nextStatus) {
                note(String.format(Locale.ROOT, "rekey: read %,d records, produced %,d, without a sensor %,d", read,
                        produced, noSensor));
                nextStatus = System.nanoTime() + statusInterval.toNanos();
            }
        }
    }

    private Waiting waitingOf(ConsumerRecord<byte[], byte[]> r) {
        RecordPayload payload = decoder.decode(r.value());
        return new Waiting(r, sensors.sensor(r.topic(), r.key(), payload));
    }

    /** Produces the records whose turn it is, in transactions of a bounded size and age. */
    private void produceInTurn(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer) {
        boolean open = false;
        int inTransaction = 0;
        long started = System.nanoTime();
        for (TopicPartition next = next(consumer); next != null; next = next(consumer)) {
            if (!open) {
                producer.beginTransaction();
                open = true;
                started = System.nanoTime();
            }
            Waiting w = waiting.get(next).removeFirst();
            current = next;
            ConsumerRecord<byte[], byte[]> r = w.record();
            if (w.sensor() == null) {
                noSensor++;
            } else {
                producer.send(new ProducerRecord<>(to, null, r.timestamp(), w.sensor().getBytes(StandardCharsets.UTF_8),
                        r.value()));
                produced++;
            }
            passed.put(next, new OffsetAndMetadata(r.offset() + 1));
            if (++inTransaction >= TRANSACTION_RECORDS || System.nanoTime() - started > TRANSACTION_NANOS) {
                commit(producer);
                open = false;
                inTransaction = 0;
            }
        }
        if (open) {
            commit(producer);
        }
    }

    private void commit(KafkaProducer<byte[], byte[]> producer) {
        producer.sendOffsetsToTransaction(Map.copyOf(passed), new ConsumerGroupMetadata(group));
        producer.commitTransaction();
    }

    /**
     * The partition whose head record is next in production order, or null while it cannot be known: some other
     * partition has nothing waiting and may still hold an earlier record. Among heads of the same millisecond the
     * partition of the last record goes first: a producer without keys writes runs of records to one partition
     * (Kafka's sticky partitioner fills a batch before it moves on), and the run it was in is the likelier
     * continuation.
     */
    private TopicPartition next(KafkaConsumer<byte[], byte[]> consumer) {
        TopicPartition best = null;
        Waiting bestHead = null;
        for (var e : waiting.entrySet()) {
            Waiting head = e.getValue().peekFirst();
            if (head == null) {
                OptionalLong lag = consumer.currentLag(e.getKey());
                if (lag.isEmpty() || lag.getAsLong() > 0) {
                    return null;
                }
                continue;
            }
            if (bestHead == null || head.record().timestamp() < bestHead.record().timestamp()
                    || (head.record().timestamp() == bestHead.record().timestamp() && e.getKey().equals(current))) {
                best = e.getKey();
                bestHead = head;
            }
        }
        return best;
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> p = new HashMap<>(connection.clientProperties());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return connection.withOverrides(p);
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> p = new HashMap<>(connection.clientProperties());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        // One transactional id per group: a second rekey of the same group fences the first off.
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "flowscore-rekey-" + group);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return connection.withOverrides(p);
    }

    private void note(String message) {
        err.println("flowscore: " + message);
        err.flush();
    }
}
