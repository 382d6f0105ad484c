package org.flowscore.tail;

import static org.flowscore.tail.StatusText.metric;

import java.util.List;
import java.util.Locale;
import org.flowscore.sink.es.BulkStats;

/**
 * A moment's view of the tailer, taken on the reading thread and shown as the status line on stderr and
 * as Prometheus metrics.
 *
 * @param lines          lines read
 * @param connections    connections read past the delivered offset
 * @param flows          flows handed to the outputs
 * @param alerts         of those, flagged
 * @param skipped        bad lines counted and skipped
 * @param rotations      rotations followed
 * @param es             Elasticsearch's counts, or null without it
 * @param buffered       connections in the feature windows' reorder buffers
 * @param files          the followed paths
 */
public record TailStatus(long lines, long connections, long flows, long alerts, long skipped, long rotations, BulkStats es,
                  int buffered, List<FileLag> files) {

    /** How far one followed path is behind: unread bytes, and the age of the newest connection read. */
    record FileLag(String path, long bytes, double seconds) {
    }

    String line() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "tail: read %,d lines, %,d connections; wrote %,d flows (%,d alerts)", lines, connections, flows,
                alerts));
        b.append(StatusText.elasticsearch(es));
        b.append(String.format(Locale.ROOT, "; buffered %,d; skipped %,d", buffered, skipped));
        for (FileLag f : files) {
            b.append(String.format(Locale.ROOT, "%n  %s: lag %s, %,d bytes unread", f.path(),
                    f.seconds() < 0 ? "-" : String.format(Locale.ROOT, "%.1f s", f.seconds()), f.bytes()));
        }
        return b.toString();
    }

    /** The Prometheus text exposition format, version 0.0.4. */
    String prometheus() {
        StringBuilder b = new StringBuilder();
        metric(b, "flowscore_lines_read_total", "counter", "Log lines read.", lines);
        metric(b, "flowscore_connections_read_total", "counter", "Connections read for delivery.", connections);
        metric(b, "flowscore_flows_written_total", "counter", "Scored flows handed to the outputs.", flows);
        metric(b, "flowscore_alerts_total", "counter", "Flows at or above the threshold.", alerts);
        metric(b, "flowscore_lines_skipped_total", "counter", "Bad lines counted and skipped.", skipped);
        metric(b, "flowscore_rotations_total", "counter", "Log rotations followed.", rotations);
        metric(b, "flowscore_reorder_buffered", "gauge", "Connections waiting in the reorder buffers.", buffered);
        StatusText.elasticsearchMetrics(b, es);
        b.append("# HELP flowscore_file_lag_bytes Bytes of the followed file not read yet.\n")
                .append("# TYPE flowscore_file_lag_bytes gauge\n");
        files.forEach(f -> b.append("flowscore_file_lag_bytes{path=\"").append(escape(f.path())).append("\"} ")
                .append(f.bytes()).append('\n'));
        b.append("# HELP flowscore_file_lag_seconds Age of the newest connection read from the path.\n")
                .append("# TYPE flowscore_file_lag_seconds gauge\n");
        files.stream().filter(f -> f.seconds() >= 0).forEach(f -> b.append("flowscore_file_lag_seconds{path=\"")
                .append(escape(f.path())).append("\"} ").append(String.format(Locale.ROOT, "%.3f", f.seconds()))
                .append('\n'));
        return b.toString();
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
