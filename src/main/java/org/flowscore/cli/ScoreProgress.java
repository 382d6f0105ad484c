package org.flowscore.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.RenderedFlow;
import org.flowscore.sink.Renditions;

/**
 * How far a {@code score} run is: a line on stderr every {@code every} while it lasts (a month of logs takes
 * minutes, which a silent terminal makes look like a hang), and the rate for its summary. An output that
 * stores nothing and counts what reaches the outputs.
 */
final class ScoreProgress implements FlowOutput, AutoCloseable {
    private final LongAdder flows = new LongAdder();
    private final long started = System.nanoTime();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("flowscore-progress").daemon().factory());

    ScoreProgress(PrintWriter err, Duration every) {
        long period = every.toMillis();
        timer.scheduleAtFixedRate(() -> {
            err.println("flowscore: " + line(flows.sum(), System.nanoTime() - started) + " so far");
            err.flush();
        }, period, period, TimeUnit.MILLISECONDS);
    }

    /** {@code scored 1,234 flows in 2.0 s (617 flows/s)}. */
    static String line(long flows, long nanos) {
        double seconds = nanos / 1e9;
        return String.format(Locale.ROOT, "scored %,d flows in %.1f s (%,.0f flows/s)", flows, seconds,
                seconds > 0 ? flows / seconds : 0.0);
    }

    /** The run's line so far, for its summary. */
    String line() {
        return line(flows.sum(), System.nanoTime() - started);
    }

    @Override
    public Renditions needs() {
        return Renditions.NONE;
    }

    @Override
    public void write(RenderedFlow flow, Acknowledgement stored) {
        flows.increment();
        stored.acknowledged();
    }

    @Override
    public void flush() {
    }

    @Override
    public void finish() {
        timer.shutdownNow();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
