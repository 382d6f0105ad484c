package org.flowscore.backfill;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Shows a run's {@link ProgressCounts} while it goes on. */
public sealed interface ProgressDisplay extends AutoCloseable {

    /** Called on the run's thread after the counts changed; cheap. */
    void update(ProgressCounts counts);

    @Override
    void close();

    /** No display: tests, and runs that asked for quiet. */
    static ProgressDisplay none() {
        return new None();
    }

    /** A progress bar redrawn in place on a terminal: share done by bytes, files, records, rate and ETA. */
    static ProgressDisplay bar(PrintStream terminal, ProgressCounts counts) {
        return new Bar(terminal, counts);
    }

    /** A plain line every {@code interval}, for logs and pipes where a redrawn bar would be noise. */
    static ProgressDisplay lines(PrintWriter out, ProgressCounts counts, Duration interval) {
        return new Lines(out, counts, interval);
    }

    /** Prints nothing. */
    final class None implements ProgressDisplay {
        @Override
        public void update(ProgressCounts counts) {
        }

        @Override
        public void close() {
        }
    }

    /** me.tongfei:progressbar, counting kilobytes of input so that the bar and its ETA follow the real work. */
    final class Bar implements ProgressDisplay {
        private final ProgressBar bar;

        Bar(PrintStream terminal, ProgressCounts counts) {
            this.bar = new ProgressBarBuilder()
                    .setTaskName("backfill")
                    .setInitialMax(Math.max(1, counts.bytes() / 1024))
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" MB", 1024)
                    .setUpdateIntervalMillis(500)
                    .setSpeedUnit(ChronoUnit.SECONDS)
                    .setEtaFunction(state -> Optional.ofNullable(counts.eta()))
                    .setConsumer(new ConsoleProgressBarConsumer(terminal))
                    .build();
        }

        @Override
        public void update(ProgressCounts counts) {
            bar.stepTo(counts.bytesDone() / 1024);
            bar.setExtraMessage(String.format(Locale.ROOT, "%,d/%,d files, %,d rec at %,.0f/s", counts.filesDone(),
                    counts.files(), counts.records(), counts.recordsPerSecond()));
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** A line every interval on a scheduler thread, and nothing at the end: the summary follows. */
    final class Lines implements ProgressDisplay {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("flowscore-progress").daemon().factory());

        Lines(PrintWriter out, ProgressCounts counts, Duration interval) {
            long ms = interval.toMillis();
            timer.scheduleAtFixedRate(() -> {
                out.println(counts.line());
                out.flush();
            }, ms, ms, TimeUnit.MILLISECONDS);
        }

        @Override
        public void update(ProgressCounts counts) {
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
