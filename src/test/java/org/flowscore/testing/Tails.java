package org.flowscore.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.flowscore.flow.LocalNetworks;
import org.flowscore.flow.SourceFormat;
import org.flowscore.tail.InputSpec;
import org.flowscore.tail.TailRunner;
import org.flowscore.tail.TailSettings;
import org.flowscore.tail.TailStatus;

/** A tail daemon as the tests run it: one Zeek TSV log followed briskly, the runner on a thread of its own. */
public final class Tails {
    private Tails() {
    }

    /**
     * Follows {@code log} as {@code sensor}, polling every 10 ms and releasing buffered flows after 50 ms idle,
     * scoring on the reading thread.
     */
    public static TailSettings oneLog(Path log, String sensor, Path registry) {
        return oneLog(log, sensor, registry, 1);
    }

    /** The same with {@code threads} scoring workers. */
    public static TailSettings oneLog(Path log, String sensor, Path registry, int threads) {
        return new TailSettings(List.of(new InputSpec(log.toString(), SourceFormat.ZEEK_TSV, sensor)), registry, false,
                false, Duration.ofMillis(10), Duration.ZERO, Duration.ofMillis(50), null, LocalNetworks.defaults(),
                threads);
    }

    /** Runs {@code runner} until a stop is requested; its outputs get {@code shutdownGrace} to acknowledge. */
    public static CompletableFuture<TailStatus> start(TailRunner runner, Duration shutdownGrace) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run(shutdownGrace);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
