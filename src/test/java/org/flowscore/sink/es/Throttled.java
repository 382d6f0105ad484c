package org.flowscore.sink.es;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.flowscore.model.ScoredFlow;

/**
 * Passes flows on with a pause every 100, so that a run over one day's logs lasts long enough for a test
 * to stop Elasticsearch or kill the process in the middle of it; counts what it passed on.
 */
final class Throttled implements Consumer<ScoredFlow> {
    private final Consumer<ScoredFlow> next;
    private final long pauseMillis;
    private final AtomicLong passed = new AtomicLong();

    Throttled(Consumer<ScoredFlow> next, long pauseMillisPer100) {
        this.next = next;
        this.pauseMillis = pauseMillisPer100;
    }

    @Override
    public void accept(ScoredFlow flow) {
        next.accept(flow);
        if (passed.incrementAndGet() % 100 == 0 && pauseMillis > 0) {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    long passed() {
        return passed.get();
    }
}
