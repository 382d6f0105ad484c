package org.flowscore.kafka;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.flowscore.allowlist.WatchedAllowlist;
import org.flowscore.flow.Connection;
import org.flowscore.model.Model;
import org.flowscore.read.ReadStats;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.es.BulkStats;
import org.flowscore.source.kafka.PayloadDecoder;
import org.flowscore.source.kafka.RecordPayload;
import org.flowscore.source.kafka.SensorSource;
import org.flowscore.tail.MetricsServer;

/**
 * {@code consume}: one member of a Kafka consumer group, on one thread. Kafka spreads the partitions (the sensors)
 * over the group's members and hands them over when one joins, leaves or dies; this loop reads what it owns, feeds
 * each sensor's feature windows and model in the order the partition holds its records, hands flows to the
 * outputs, and commits per partition only the offset up to which every output acknowledged every record.
 *
 * <p>On assignment a partition is read from a stretch before its committed offset ({@link WarmUp}) whose records
 * only feed the windows. On revocation the outputs get a bounded time to acknowledge what was handed to them and
 * the acknowledged offset is committed; connections still in a reorder buffer are not forced out, so the next
 * owner scores them with the windows an uninterrupted run would have given them. A record delivered twice (after a
 * crash or an expired handover) gets the same document id, which Elasticsearch keeps once.
 */
public final class ConsumeRunner {
    private static final Duration POLL = Duration.ofMillis(100);
    /** The most one round of the loop counts towards a sensor's quiet time, however long it took. */
    private static final long MAX_QUIET_STEP_NANOS = 4 * POLL.toNanos();
    private static final Duration COMMIT_EVERY = Duration.ofSeconds(1);
    private static final Duration HANDOVER_GRACE = Duration.ofSeconds(10);

    private final ConsumeSettings settings;
    private final Model model;
    private final double threshold;
    private final FlowOutput output;
    private final Supplier<BulkStats> esStats;
    private final PrintWriter err;
    private final WatchedAllowlist allowlist;
    private final PayloadDecoder decoder;
    private final ReadStats stats = new ReadStats();
    private final Map<TopicPartition, AssignedPartition> assigned = new LinkedHashMap<>();
    /** Which owned partition each sensor's records come from, to catch a sensor spread over two. */
    private final Map<String, TopicPartition> sensorPartitions = new HashMap<>();
    private final Map<String, Integer> partitionCounts = new HashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private volatile ConsumeStatus status;
    private KafkaConsumer<byte[], byte[]> consumer;
    private long records;
    private long warmUpRecords;
    private long connections;
    private long noSensor;
    /** Flows and alerts of the partitions handed over since the start. */
    private long formerFlows;
    private long formerAlerts;
    private String lastCommitFailure;

    /**
     * @param output  where flows go (Elasticsearch, a file, a topic, or several through a
     *                {@link org.flowscore.sink.Tee})
     * @param esStats   Elasticsearch's bulk counts for the status, or a supplier of null without it
     * @param allowlist the allowlist file, read again every second when it changed; null for none
     */
    public ConsumeRunner(ConsumeSettings settings, Model model, double threshold, FlowOutput output,
                         Supplier<BulkStats> esStats, WatchedAllowlist allowlist, PrintWriter err) {
        this.settings = settings;
        this.model = model;
        this.threshold = threshold;
        this.output = output;
        this.esStats = esStats;
        this.allowlist = allowlist;
        this.err = err;
        this.decoder = new PayloadDecoder(settings.sensors().field());
    }

    /** Asks the loop to stop (from a signal handler or another thread); {@link #run} then returns. */
    public void requestStop() {
        // Not consumer.wakeup(): a wake-up left pending would fail the final commit. A poll lasts 100 ms.
        stopRequested = true;
    }

    /** Waits until {@link #run} has returned after a stop request. */
    public boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit);
    }

    /** The latest status, or null before the loop started. */
    public ConsumeStatus status() {
        return status;
    }

    /**
     * Joins the group and consumes until a stop is requested; then lets the outputs acknowledge what they hold
     * (for at most {@code shutdownGrace}), commits it and leaves the group.
     *
     * @throws TopicLayoutException when the topic's layout would score a sensor's records out of order
     */
    public ConsumeStatus run(Duration shutdownGrace) throws IOException, InterruptedException {
        try (KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerProperties())) {
            consumer = kafka;
            if (stopRequested) {
                return snapshot();
            }
            Listener listener = new Listener();
            if (settings.topicPattern() != null) {
                kafka.subscribe(settings.topicPattern(), listener);
            } else {
                kafka.subscribe(settings.topics(), listener);
            }
            note("joining group " + settings.group() + " for " + settings.subscription() + " at "
                    + String.join(",", settings.connection().bootstrap()) + "; sensors from the record's "
                    + settings.sensors());
            status = snapshot();
            try (MetricsServer metrics = settings.metricsPort() == null ? null
                    : MetricsServer.start(settings.metricsPort(), () -> status.prometheus())) {
                if (metrics != null) {
                    note("metrics at http://127.0.0.1:" + metrics.port() + "/metrics");
                }
                loop();
            } finally {
                finish(shutdownGrace);
            }
            return status;
        } finally {
            assigned.values().forEach(AssignedPartition::close);
            assigned.clear();
            consumer = null;
            stopped.countDown();
        }
    }

    private Map<String, Object> consumerProperties() throws IOException {
        Map<String, Object> p = new HashMap<>(settings.connection().clientProperties());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "flowscore-consume-" + InetAddress.getLocalHost().getHostName() + "-"
                + ProcessHandle.current().pid());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Where to start without a committed offset is decided on assignment (beginning, or end with its warm-up).
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // rekey writes in transactions: only what it committed is read.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        // Only the partitions that move are revoked when an instance joins or leaves; the others keep scoring.
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
        return settings.connection().withOverrides(p);
    }

    private void loop() throws IOException {
        long idleNanos = settings.idleFlush().toNanos();
        long now = System.nanoTime();
        long nextCommit = now + COMMIT_EVERY.toNanos();
        long nextStatus = settings.statusInterval().isZero() ? Long.MAX_VALUE
                : now + settings.statusInterval().toNanos();
        long previous = now;
        while (!stopRequested) {
            ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
            long step = Math.min(System.nanoTime() - previous, MAX_QUIET_STEP_NANOS);
            previous = System.nanoTime();
            for (TopicPartition tp : batch.partitions()) {
                AssignedPartition partition = assigned.get(tp);
                if (partition == null) {
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : batch.records(tp)) {
                    handle(partition, record);
                }
                partition.offsets.readUpTo(consumer.position(tp));
            }
            boolean buffered = false;
            for (AssignedPartition partition : assigned.values()) {
                partition.sensors.values().forEach(s -> s.polled(step, idleNanos));
                buffered |= partition.buffered() > 0;
            }
            if (batch.isEmpty() && !buffered) {
                // Caught up with every partition: alert groups whose window the clock has passed are closed.
                output.caughtUp(Instant.now());
            }
            output.flush();
            now = System.nanoTime();
            if (now >= nextCommit) {
                if (allowlist != null) {
                    allowlist.reloadIfChanged(this::note);
                }
                commitAsync();
                status = snapshot();
                nextCommit = now + COMMIT_EVERY.toNanos();
            }
            if (now >= nextStatus) {
                note(status.line());
                nextStatus = now + settings.statusInterval().toNanos();
            }
        }
    }

    private void handle(AssignedPartition partition, ConsumerRecord<byte[], byte[]> record) {
        records++;
        RecordPayload payload = decoder.decode(record.value());
        String sensor = sensorOf(record, payload);
        boolean warmUp = partition.offsets.isWarmUp(record.offset());
        if (sensor == null) {
            noSensor += warmUp ? 0 : 1;
            if (!warmUp) {
                partition.offsets.skip(record.offset(), record.timestamp());
            }
            return;
        }
        SensorStream stream = partition.sensors.get(sensor);
        if (stream == null) {
            stream = open(partition, sensor);
        }
        Connection connection = stream.parse(payload, record.offset());
        if (warmUp) {
            warmUpRecords++;
            if (connection != null) {
                stream.stream().warmUp(connection);
            }
        } else if (connection == null) {
            partition.offsets.skip(record.offset(), record.timestamp());
        } else {
            connections++;
            stream.stream().accept(connection, partition.offsets.record(record.offset(), record.timestamp()));
        }
    }

    /**
     * The record's sensor. A record without a key on a topic of several partitions cannot be put in order
     * whatever names its sensor; on a topic of one partition, the topic names it when the key does not.
     */
    private String sensorOf(ConsumerRecord<byte[], byte[]> record, RecordPayload payload) {
        if (record.key() == null) {
            int partitions = partitionCounts.computeIfAbsent(record.topic(), t -> consumer.partitionsFor(t).size());
            if (partitions > 1) {
                throw TopicLayoutException.unkeyed(record.topic(), partitions,
                        String.join(",", settings.connection().bootstrap()));
            }
            if (settings.sensors() instanceof SensorSource.FromKey) {
                return record.topic();
            }
        }
        return settings.sensors().sensor(record.topic(), record.key(), payload);
    }

    private SensorStream open(AssignedPartition partition, String sensor) {
        TopicPartition elsewhere = sensorPartitions.putIfAbsent(sensor, partition.partition);
        if (elsewhere != null && !elsewhere.equals(partition.partition)) {
            throw TopicLayoutException.sensorInTwoPartitions(sensor, elsewhere.toString(),
                    partition.partition.toString(), String.join(",", settings.connection().bootstrap()));
        }
        SensorStream stream = new SensorStream(partition.partition + "/" + sensor, sensor, settings.localNetworks(),
                model, threshold, output, stats);
        partition.sensors.put(sensor, stream);
        return stream;
    }

    private void commitAsync() {
        Map<TopicPartition, OffsetAndMetadata> moved = committable(assigned.values(), true);
        if (moved.isEmpty()) {
            return;
        }
        consumer.commitAsync(moved, (offsets, failure) -> {
            if (failure == null) {
                offsets.forEach((tp, o) -> {
                    AssignedPartition p = assigned.get(tp);
                    if (p != null) {
                        p.offsets.committed(o.offset());
                    }
                });
                lastCommitFailure = null;
            } else if (!failure.toString().equals(lastCommitFailure)) {
                lastCommitFailure = failure.toString();
                note("committing offsets failed (" + failure.getMessage() + "); trying again");
            }
        });
    }

    /** The offsets to commit, with the newest record time read as metadata for the next owner's warm-up. */
    private static Map<TopicPartition, OffsetAndMetadata> committable(Collection<AssignedPartition> partitions,
                                                                      boolean onlyMoved) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (AssignedPartition p : partitions) {
            if (!onlyMoved || p.offsets.moved()) {
                offsets.put(p.partition, new OffsetAndMetadata(p.offsets.committable(),
                        Long.toString(p.offsets.newestTimestamp())));
            }
        }
        return offsets;
    }

    private void commitSync(Collection<AssignedPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> offsets = committable(partitions, true);
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets, Duration.ofSeconds(10));
            for (AssignedPartition p : partitions) {
                OffsetAndMetadata done = offsets.get(p.partition);
                if (done != null) {
                    p.offsets.committed(done.offset());
                }
            }
        } catch (RuntimeException e) {
            note("committing offsets of " + offsets.keySet() + " failed (" + e.getMessage() + "): the next owner"
                    + " reads again from the last commit, and Elasticsearch keeps each document once");
        }
    }

    /** Gives the outputs a bounded time to acknowledge, then commits what they did. */
    private void finish(Duration grace) throws InterruptedException {
        Thread finishing = Thread.ofPlatform().daemon().name("flowscore-consume-finish").start(() -> {
            try {
                output.finish();
            } catch (IOException | RuntimeException e) {
                note("stopping: " + e.getMessage());
            }
        });
        finishing.join(grace.toMillis());
        if (finishing.isAlive()) {
            note("stopping: the outputs did not acknowledge everything within " + grace.toSeconds()
                    + " s; what they did not is read again by the next owner of its partition");
        }
        commitSync(assigned.values());
        status = snapshot();
        note(status.line());
    }

    /**
     * Waits (bounded) until the outputs acknowledged what they got of these partitions. Connections still in a
     * reorder buffer are left to the next owner and never acknowledged here, so only records beyond those are
     * waited for; counting them would hold every handover and stop for the whole grace.
     */
    private void drain(Collection<AssignedPartition> leaving) {
        long deadline = System.nanoTime() + HANDOVER_GRACE.toNanos();
        while (System.nanoTime() < deadline
                && leaving.stream().anyMatch(p -> p.offsets.unacknowledged() > p.buffered())) {
            try {
                output.flush();
                Thread.sleep(20);
            } catch (IOException e) {
                note("handing over: flushing the outputs failed (" + e.getMessage() + ")");
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void drop(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            AssignedPartition p = assigned.remove(tp);
            if (p != null) {
                formerFlows += p.flows();
                formerAlerts += p.alerts();
                p.sensors.keySet().forEach(sensorPartitions::remove);
                p.close();
            }
        }
    }

    /** Kafka's calls on assignment changes, made on the consumer's thread inside {@code poll}. */
    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Map<TopicPartition, WarmUp.Start> starts = WarmUp.plan(consumer, partitions, settings);
            for (TopicPartition tp : partitions) {
                long start = starts.get(tp).readFrom();
                long from = starts.get(tp).deliverFrom();
                consumer.seek(tp, start);
                assigned.put(tp, new AssignedPartition(tp, start, from));
                note("assigned " + tp + ": delivering from offset " + from + (start < from ? ", reading "
                        + (from - start) + " records before it again for the feature windows" : ""));
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            List<AssignedPartition> leaving = new ArrayList<>();
            for (TopicPartition tp : partitions) {
                AssignedPartition p = assigned.get(tp);
                if (p != null) {
                    leaving.add(p);
                }
            }
            if (leaving.isEmpty()) {
                return;
            }
            drain(leaving);
            commitSync(leaving);
            drop(partitions);
            note("handed over " + partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            drop(partitions);
            note("lost " + partitions + " (this instance was out of the group too long): their new owner reads"
                    + " them again from the last commit");
        }
    }

    private ConsumeStatus snapshot() {
        List<ConsumeStatus.PartitionLag> partitions = new ArrayList<>();
        int buffered = 0;
        long flows = formerFlows;
        long alerts = formerAlerts;
        for (AssignedPartition p : assigned.values()) {
            OptionalLong behind = consumer.currentLag(p.partition);
            long lag = -1;
            if (behind.isPresent()) {
                lag = consumer.position(p.partition) + behind.getAsLong() - p.offsets.lastCommitted();
            }
            partitions.add(new ConsumeStatus.PartitionLag(p.partition.topic(), p.partition.partition(),
                    p.offsets.lastCommitted(), Math.max(-1, lag), p.sensors.size()));
            buffered += p.buffered();
            flows += p.flows();
            alerts += p.alerts();
        }
        return new ConsumeStatus(records, warmUpRecords, connections, flows, alerts, stats.skippedTotal(), noSensor,
                esStats.get(), buffered, partitions);
    }

    private void note(String message) {
        err.println("flowscore: " + message);
        err.flush();
    }
}
