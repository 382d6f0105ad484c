package org.flowscore.sink.es;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the n-th retry waits a random time between half and all of
 * {@code initial * 2^n}, capped. The jitter keeps several writers (or one writer's concurrent requests)
 * from hitting a recovering cluster in lock step; the cap keeps the wait after an outage short.
 */
record Backoff(Duration initial, Duration max) {
    static final Backoff DEFAULT = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));

    /** How long to wait before retry number {@code attempt} (0 for the first). */
    long delayMillis(int attempt) {
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt, 20));
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }
}
