package org.flowscore.tail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.flowscore.flow.LocalNetworks;

/**
 * How the tailer runs, once the config file, the environment and the flags were merged.
 *
 * @param inputs         what to follow
 * @param registry       the registry file of acknowledged offsets
 * @param resetRegistry  start over: the old registry is kept beside it as {@code NAME.old}
 * @param startAtEnd     files already there and unknown to the registry are delivered from their end
 * @param pollInterval   how long to wait when every file is caught up
 * @param statusInterval how often the status line is printed; zero for never
 * @param idleFlush      after this long without a line, buffered connections are released; zero for never
 * @param metricsPort    the loopback port for Prometheus metrics, or null for none
 * @param localNetworks  the site's address ranges, for direction where a log has no local flags
 * @param threads        workers that score and render each followed path's flows (1: on the reading thread)
 */
public record TailSettings(List<InputSpec> inputs, Path registry, boolean resetRegistry, boolean startAtEnd,
                           Duration pollInterval, Duration statusInterval, Duration idleFlush, Integer metricsPort,
                           LocalNetworks localNetworks, int threads) {
    public static final Duration DEFAULT_POLL = Duration.ofMillis(100);
    public static final Duration DEFAULT_STATUS = Duration.ofSeconds(30);
    public static final Duration DEFAULT_IDLE_FLUSH = Duration.ofSeconds(1);
    public static final Path DEFAULT_REGISTRY = Path.of("flowscore-tail-registry.json");

    /** Scoring workers per followed path when none are asked for: the processors available. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public TailSettings {
        if (inputs == null || inputs.isEmpty()) {
            throw new IllegalArgumentException("inputs: give at least one file or glob to follow");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll-interval must be more than 0");
        }
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            throw new IllegalArgumentException("metrics-port must be between 0 and 65535, got " + metricsPort);
        }
        inputs = List.copyOf(inputs);
        if (localNetworks == null) {
            throw new IllegalArgumentException("local networks: none given");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }
}
