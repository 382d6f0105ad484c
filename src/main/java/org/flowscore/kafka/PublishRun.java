package org.flowscore.kafka;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.flowscore.backfill.BackfillFile;
import org.flowscore.backfill.BackfillPlan;
import org.flowscore.backfill.Checkpoints;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.flow.Connection;
import org.flowscore.flow.SourceFormat;
import org.flowscore.format.ZeekJsonWriter;
import org.flowscore.read.BadLineException;
import org.flowscore.read.ConnectionReader;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.source.InputException;
import org.flowscore.source.SourceLine;
import org.flowscore.source.kafka.KafkaConnection;

/**
 * {@code publish}: archived logs into a topic, one record per connection keyed by its sensor, so that a backfill
 * of many sensors is spread over as many {@code consume} instances as the topic has partitions.
 *
 * <p>Files are planned as {@code backfill} plans them (oldest first, finished files skipped) and read one after
 * another, so each sensor's records go out in its log's order. A Zeek JSON or Suricata EVE line is produced as it
 * is; a Zeek TSV line, meaningless without its header, as the Zeek JSON record of its connection. The registry
 * advances only over records every in-sync replica has, so a killed run resumes where the brokers' acknowledgements
 * end: each record is produced at least once, and consume's deterministic document ids keep it once in
 * Elasticsearch.
 */
public final class PublishRun {
    private static final long SAVE_EVERY_NANOS = 1_000_000_000L;

    /** What a run did. */
    public record Summary(long produced, long deliveredBefore, long failed, ReadStats read) {
        public void print(PrintWriter out) {
            out.printf(Locale.ROOT, "publish: produced %,d records (%,d produced by an earlier run were left out)%n",
                    produced, deliveredBefore);
            out.println(read.summary());
            if (failed > 0) {
                out.printf(Locale.ROOT, "  %,d records were not acknowledged by the brokers: run the same command"
                        + " again to produce them%n", failed);
            }
        }
    }

    private final KafkaConnection connection;
    private final String topic;
    private final byte[] key;
    private final ReadOptions options;
    private final Checkpoints checkpoints;
    private final PrintWriter err;
    private final LongAdder failed = new LongAdder();
    private final StringWriter tsvAsJson = new StringWriter(512);
    private final ZeekJsonWriter json = new ZeekJsonWriter(tsvAsJson);
    private volatile String lastFailure;
    private long produced;
    private long deliveredBefore;

    /** @param sensor the key of every record, naming the sensor whose logs these are */
    public PublishRun(KafkaConnection connection, String topic, String sensor, ReadOptions options,
                      Checkpoints checkpoints, PrintWriter err) {
        this.connection = connection;
        this.topic = topic;
        this.key = sensor.getBytes(StandardCharsets.UTF_8);
        this.options = options;
        this.checkpoints = checkpoints;
        this.err = err;
    }

    public Summary run(BackfillPlan plan) throws InputException, BadLineException, IOException {
        ReadStats stats = new ReadStats();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties())) {
            long lastSave = System.nanoTime();
            for (BackfillFile file : plan.withRole(BackfillFile.Role.READ)) {
                long acknowledged = checkpoints.acknowledgedOffset(file);
                new ConnectionReader(options, stats).readPositioned(file.input(), (c, line) -> {
                    if (line.endOffset() <= acknowledged) {
                        deliveredBefore++;
                        return;
                    }
                    send(producer, value(c, line), checkpoints.record(file, line.endOffset()));
                });
                checkpoints.fileRead(file);
                if (System.nanoTime() - lastSave > SAVE_EVERY_NANOS) {
                    checkpoints.save();
                    lastSave = System.nanoTime();
                }
            }
            producer.flush();
        }
        checkpoints.save();
        return new Summary(produced, deliveredBefore, failed.sum(), stats);
    }

    /** The line as a record's value: itself when it is JSON, else its connection as Zeek JSON. */
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

    private void send(KafkaProducer<byte[], byte[]> producer, byte[] value, Acknowledgement stored) {
        produced++;
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, failure) -> {
            if (failure == null) {
                stored.acknowledged();
                return;
            }
            failed.increment();
            if (!failure.toString().equals(lastFailure)) {
                lastFailure = failure.toString();
                err.println("flowscore: producing to " + topic + " failed: " + failure.getMessage());
                err.flush();
            }
        });
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> p = new HashMap<>(connection.clientProperties());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // Idempotence keeps a partition's records in the order they were sent through retries.
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return connection.withOverrides(p);
    }
}
