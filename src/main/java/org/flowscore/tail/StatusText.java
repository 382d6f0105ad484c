package org.flowscore.tail;

import java.util.Locale;
import org.flowscore.sink.es.BulkStats;

/**
 * What the daemons ({@code tail}, {@code consume}) say of their Elasticsearch output and how they write a
 * Prometheus metric: one wording and one set of metric names for both, so a dashboard reads either.
 */
public final class StatusText {
    private StatusText() {
    }

    /** The status line's part on Elasticsearch, starting with "; ", or nothing without it. */
    public static String elasticsearch(BulkStats es) {
        if (es == null) {
            return "";
        }
        return String.format(Locale.ROOT, "; elasticsearch: %,d indexed, %,d waiting, %,d retried, %,d"
                + " dead-lettered", stored(es), unacknowledged(es), es.retried(), es.total().deadLettered());
    }

    /** The Elasticsearch metrics, or none without it. */
    public static void elasticsearchMetrics(StringBuilder b, BulkStats es) {
        if (es == null) {
            return;
        }
        metric(b, "flowscore_es_indexed_total", "counter", "Documents Elasticsearch stored (409s included).",
                stored(es));
        metric(b, "flowscore_es_waiting", "gauge", "Documents sent and not yet acknowledged.", unacknowledged(es));
        metric(b, "flowscore_es_retried_total", "counter", "Documents sent again after a failure.", es.retried());
        metric(b, "flowscore_es_dead_lettered_total", "counter", "Documents refused for good.",
                es.total().deadLettered());
    }

    /** One metric with its help and type lines, in the Prometheus text exposition format 0.0.4. */
    public static void metric(StringBuilder b, String name, String type, String help, long value) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n')
                .append(name).append(' ').append(value).append('\n');
    }

    private static long stored(BulkStats es) {
        return es.total().indexed() + es.total().duplicates();
    }

    /** Documents handed to Elasticsearch and not yet acknowledged. */
    private static long unacknowledged(BulkStats es) {
        BulkStats.StreamCounts t = es.total();
        return t.sent() - t.indexed() - t.duplicates() - t.deadLettered();
    }
}
