package org.flowscore.sink.es;

import java.time.Duration;

/**
 * How documents are grouped into bulk requests, and how many may be on their way at once.
 *
 * @param maxOperations documents per bulk request
 * @param maxBytes      bytes per bulk request
 * @param maxInFlight   documents handed to the writer and not yet acknowledged or dead-lettered; past it the
 *                      caller (and so the log reader) waits, which bounds memory. It also sets the requests
 *                      in flight: {@code maxInFlight / maxOperations} sender threads, at least one (the default
 *                      gives 3)
 * @param flushInterval a partly filled batch is sealed for sending at least this often
 */
public record Batching(int maxOperations, long maxBytes, int maxInFlight, Duration flushInterval) {
    public static final Batching DEFAULT = new Batching(2000, 8L << 20, 6000, Duration.ofSeconds(1));
    /** For a live source: the same bulks, sealed every 200 ms, so a line is searchable about a second after. */
    public static final Batching LIVE = new Batching(DEFAULT.maxOperations, DEFAULT.maxBytes, DEFAULT.maxInFlight,
            Duration.ofMillis(200));

    public Batching {
        if (maxOperations < 1 || maxBytes < 1 || flushInterval.isNegative()
                || flushInterval.isZero()) {
            throw new IllegalArgumentException("batch sizes and flush interval must be positive");
        }
        if (maxInFlight < maxOperations) {
            throw new IllegalArgumentException("maxInFlight (" + maxInFlight + ") must be at least maxOperations ("
                    + maxOperations + ")");
        }
    }
}
