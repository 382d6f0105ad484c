package org.flowscore.kafka;

import static org.flowscore.tail.StatusText.metric;

import java.util.List;
import java.util.Locale;
import org.flowscore.sink.es.BulkStats;
import org.flowscore.tail.StatusText;

/**
 * A moment's view of a {@code consume} instance, taken on the consumer's thread and shown as the status line on
 * stderr and as Prometheus metrics.
 *
 * @param records     records read (warm-up included)
 * @param warmUp      of them, read again only for the feature windows
 * @param connections connections read for delivery
 * @param flows       flows handed to the outputs
 * @param alerts      of those, flagged
 * @param skipped     records that were bad lines, counted and skipped
 * @param noSensor    records that named no sensor (the configured field missing), counted and skipped
 * @param es          Elasticsearch's counts, or null without it
 * @param buffered    connections in the feature windows' reorder buffers
 * @param partitions  the partitions this instance owns now
 */
public record ConsumeStatus(long records, long warmUp, long connections, long flows, long alerts, long skipped,
                            long noSensor, BulkStats es, int buffered, List<PartitionLag> partitions) {

    /**
     * One owned partition.
     *
     * @param committed the offset committed for the group (every record before it acknowledged by every output)
     * @param lag       records after the committed offset, up to the partition's end; -1 while not known
     * @param sensors   sensors seen in it
     */
    public record PartitionLag(String topic, int partition, long committed, long lag, int sensors) {
    }

    String line() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "consume: read %,d records (%,d again for the windows), %,d connections; wrote %,d flows (%,d alerts)",
                records, warmUp, connections, flows, alerts));
        b.append(StatusText.elasticsearch(es));
        b.append(String.format(Locale.ROOT, "; buffered %,d; skipped %,d; without a sensor %,d", buffered, skipped,
                noSensor));
        for (PartitionLag p : partitions) {
            b.append(String.format(Locale.ROOT, "%n  %s-%d: committed %,d, lag %s, %d sensor%s", p.topic(),
                    p.partition(), p.committed(), p.lag() < 0 ? "-" : String.format(Locale.ROOT, "%,d", p.lag()),
                    p.sensors(), p.sensors() == 1 ? "" : "s"));
        }
        return b.toString();
    }

    /** The Prometheus text exposition format, version 0.0.4. */
    String prometheus() {
        StringBuilder b = new StringBuilder();
        metric(b, "flowscore_kafka_records_read_total", "counter", "Kafka records read.", records);
        metric(b, "flowscore_kafka_warm_up_records_total", "counter",
                "Records read again before the committed offset for the feature windows.", warmUp);
        metric(b, "flowscore_connections_read_total", "counter", "Connections read for delivery.", connections);
        metric(b, "flowscore_flows_written_total", "counter", "Scored flows handed to the outputs.", flows);
        metric(b, "flowscore_alerts_total", "counter", "Flows at or above the threshold.", alerts);
        metric(b, "flowscore_lines_skipped_total", "counter", "Bad records counted and skipped.", skipped);
        metric(b, "flowscore_kafka_records_without_sensor_total", "counter",
                "Records that named no sensor, counted and skipped.", noSensor);
        metric(b, "flowscore_reorder_buffered", "gauge", "Connections waiting in the reorder buffers.", buffered);
        StatusText.elasticsearchMetrics(b, es);
        b.append("# HELP flowscore_kafka_committed_offset The group's committed offset of an owned partition.\n")
                .append("# TYPE flowscore_kafka_committed_offset gauge\n");
        partitions.forEach(p -> b.append("flowscore_kafka_committed_offset").append(labels(p)).append(' ')
                .append(p.committed()).append('\n'));
        b.append("# HELP flowscore_kafka_lag_records Records of an owned partition after its committed offset.\n")
                .append("# TYPE flowscore_kafka_lag_records gauge\n");
        partitions.stream().filter(p -> p.lag() >= 0).forEach(p -> b.append("flowscore_kafka_lag_records")
                .append(labels(p)).append(' ').append(p.lag()).append('\n'));
        return b.toString();
    }

    private static String labels(PartitionLag p) {
        return "{topic=\"" + p.topic().replace("\\", "\\\\").replace("\"", "\\\"") + "\",partition=\"" + p.partition()
                + "\"}";
    }
}
