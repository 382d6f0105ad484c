package org.flowscore.tail;

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

    long indexed() {
        return es == null ? 0 : es.total().indexed() + es.total().duplicates();
    }

    /** Documents handed to Elasticsearch and not yet acknowledged. */
    long unacknowledged() {
        if (es == null) {
            return 0;
        }
        BulkStats.StreamCounts t = es.total();
        return t.sent() - t.indexed() - t.duplicates() - t.deadLettered();
    }

    String line() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "tail: read %,d lines, %,d connections; wrote %,d flows (%,d alerts)", lines, connections, flows,
                alerts));
        if (es != null) {
            b.append(String.format(Locale.ROOT, "; elasticsearch: %,d indexed, %,d waiting, %,d retried, %,d"
                    + " dead-lettered", indexed(), unacknowledged(), es.retried(), es.total().deadLettered()));
        }
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
        if (es != null) {
            metric(b, "flowscore_es_indexed_total", "counter", "Documents Elasticsearch stored (409s included).",
                    indexed());
            metric(b, "flowscore_es_waiting", "gauge", "Documents sent and not yet acknowledged.", unacknowledged());
            metric(b, "flowscore_es_retried_total", "counter", "Documents sent again after a failure.", es.retried());
            metric(b, "flowscore_es_dead_lettered_total", "counter", "Documents refused for good.",
                    es.total().deadLettered());
        }
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

    private static void metric(StringBuilder b, String name, String type, String help, long value) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n')
                .append(name).append(' ').append(value).append('\n');
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
