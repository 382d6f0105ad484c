package org.flowscore.sink.es;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.RenderedFlow;
import org.flowscore.sink.Renditions;

/**
 * Passes flows on with a pause every 100, so that a run over one day's logs lasts long enough for a test
 * to stop Elasticsearch or kill the process in the middle of it; counts what it passed on.
 */
final class Throttled implements FlowOutput {
    private final FlowOutput next;
    private final long pauseMillis;
    private final AtomicLong passed = new AtomicLong();

    Throttled(FlowOutput next, long pauseMillisPer100) {
        this.next = next;
        this.pauseMillis = pauseMillisPer100;
    }

    @Override
    public Renditions needs() {
        return next.needs();
    }

    @Override
    public void write(RenderedFlow flow, Acknowledgement stored) {
        next.write(flow, stored);
        if (passed.incrementAndGet() % 100 == 0 && pauseMillis > 0) {
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        next.flush();
    }

    @Override
    public void finish() throws IOException {
        next.finish();
    }

    long passed() {
        return passed.get();
    }
}
