package org.flowscore.kafka;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import org.flowscore.backfill.BackfillFile;
import org.flowscore.backfill.BackfillPlan;
import org.flowscore.backfill.Checkpoints;
import org.flowscore.read.BadLineException;
import org.flowscore.read.ConnectionReader;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.source.InputException;
import org.flowscore.source.kafka.KafkaConnection;

/**
 * {@code publish}: archived logs into a topic, one record per connection keyed by its sensor, so that a backfill
 * of many sensors is spread over as many {@code consume} instances as the topic has partitions.
 *
 * <p>Files are planned as {@code backfill} plans them (oldest first, finished files skipped) and read one after
 * another, so each sensor's records go out in its log's order ({@link RecordProducer} says what a record holds).
 * The registry advances only over records every in-sync replica has, so a killed run resumes where the brokers'
 * acknowledgements end: each record is produced at least once, and consume's deterministic document ids keep it
 * once in Elasticsearch.
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
    private final String sensor;
    private final ReadOptions options;
    private final Checkpoints checkpoints;
    private final PrintWriter err;
    private long deliveredBefore;

    /** @param sensor the key of every record, naming the sensor whose logs these are */
    public PublishRun(KafkaConnection connection, String topic, String sensor, ReadOptions options,
                      Checkpoints checkpoints, PrintWriter err) {
        this.connection = connection;
        this.topic = topic;
        this.sensor = sensor;
        this.options = options;
        this.checkpoints = checkpoints;
        this.err = err;
    }

    public Summary run(BackfillPlan plan) throws InputException, BadLineException, IOException {
        ReadStats stats = new ReadStats();
        long produced;
        int failed;
        try (RecordProducer producer = new RecordProducer(connection, topic, sensor, err)) {
            long lastSave = System.nanoTime();
            for (BackfillFile file : plan.withRole(BackfillFile.Role.READ)) {
                long acknowledged = checkpoints.acknowledgedOffset(file);
                new ConnectionReader(options, stats).readPositioned(file.input(), (c, line) -> {
                    if (line.endOffset() <= acknowledged) {
                        deliveredBefore++;
                    } else {
                        producer.send(c, line, checkpoints.record(file, line.endOffset()));
                    }
                });
                checkpoints.fileRead(file);
                if (System.nanoTime() - lastSave > SAVE_EVERY_NANOS) {
                    checkpoints.save();
                    lastSave = System.nanoTime();
                }
            }
            producer.flush();
            produced = producer.sent();
            failed = producer.failed();
        }
        checkpoints.save();
        return new Summary(produced, deliveredBefore, failed, stats);
    }
}
