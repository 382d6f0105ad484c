package org.flowscore.sink.es;

import java.time.Duration;
import java.util.Map;

/**
 * What a bulk writer did, per target data stream and in total.
 *
 * @param streams per data stream, in the order first written to
 * @param retried document sends repeated after a retryable failure (a document retried twice counts 2)
 * @param maxInFlight the most documents that were ever waiting for an answer at once
 */
public record BulkStats(Map<String, StreamCounts> streams, long retried, int maxInFlight, Duration elapsed) {

    /** One data stream's documents: handed over, newly indexed, already there (409), refused for good. */
    public record StreamCounts(long sent, long indexed, long duplicates, long deadLettered) {
        StreamCounts plus(StreamCounts o) {
            return new StreamCounts(sent + o.sent, indexed + o.indexed, duplicates + o.duplicates,
                    deadLettered + o.deadLettered);
        }
    }

    public StreamCounts stream(String name) {
        return streams.getOrDefault(name, new StreamCounts(0, 0, 0, 0));
    }

    public StreamCounts total() {
        return streams.values().stream().reduce(new StreamCounts(0, 0, 0, 0), StreamCounts::plus);
    }

    /** Documents Elasticsearch acknowledged (indexed or already there) per second of the run. */
    public double docsPerSecond() {
        StreamCounts t = total();
        double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
        return (t.indexed() + t.duplicates()) / seconds;
    }
}
