package org.flowscore.tail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.flowscore.allowlist.WatchedAllowlist;
import org.flowscore.flow.CommunityId;
import org.flowscore.format.ReaderContext;
import org.flowscore.model.Model;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.es.BulkStats;
import org.flowscore.source.LineSource;
import org.flowscore.source.follow.Rotations;
import org.flowscore.source.registry.FileCheckpoints;
import org.flowscore.source.registry.Registry;
import org.flowscore.source.registry.RegistryException;

/**
 * The tail daemon's loop, on one thread: follow every input, read what is new, feed each path's feature
 * windows and model, hand flows to the outputs, and checkpoint in the registry what they acknowledged.
 * Elasticsearch's acknowledgements arrive on the client's threads; everything else happens here.
 *
 * <p>A stop request (SIGTERM, SIGINT) ends the loop between two reads: the outputs get a bounded time to
 * acknowledge what they hold, the registry is saved with what they did, and the run returns. Connections
 * still in the reorder buffers are not forced out: they are not checkpointed, so the next run reads them
 * again with exactly the windows an uninterrupted run would have given them.
 */
public final class TailRunner {
    private static final int LINES_PER_POLL = 5_000;
    private static final Duration SAVE_EVERY = Duration.ofSeconds(1);
    private static final Duration DISCOVER_EVERY = Duration.ofSeconds(10);
    private static final Duration FORGET_ROTATED_AFTER = Duration.ofDays(7);
    /** A file created just before the last save may not have been opened yet when it was made. */
    private static final Duration CATCH_UP_MARGIN = Duration.ofSeconds(5);

    private final TailSettings settings;
    private final Model model;
    private final double threshold;
    private final FlowOutput output;
    private final Supplier<BulkStats> esStats;
    private final WatchedAllowlist allowlist;
    private final PrintWriter err;
    private final TailCounters counters = new TailCounters();
    private final ReadStats stats = new ReadStats();
    private final Map<Path, LogStream> streams = new LinkedHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** The last failure reported per stream, so a lasting one is reported once, not every poll. */
    private final Map<LogStream, String> failing = new HashMap<>();
    private volatile boolean stopRequested;
    private volatile TailStatus status;
    private Registry registry;
    private FileCheckpoints checkpoints;
    /** Rotated files unknown to the registry and changed since this are read before a path's next file. */
    private long since;

    /**
     * @param output    where flows go (Elasticsearch, a file, or both through a {@link org.flowscore.sink.Tee}),
     *                  usually behind the alert output that marks them with this allowlist
     * @param esStats   Elasticsearch's bulk counts for the status, or a supplier of null without it
     * @param allowlist the allowlist file, read again every second when it changed; or null for none
     */
    public TailRunner(TailSettings settings, Model model, double threshold, FlowOutput output,
                      Supplier<BulkStats> esStats, WatchedAllowlist allowlist, PrintWriter err) {
        this.settings = settings;
        this.model = model;
        this.threshold = threshold;
        this.output = output;
        this.esStats = esStats;
        this.allowlist = allowlist;
        this.err = err;
    }

    /** Asks the loop to stop; safe from any thread, a signal handler's included. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Waits until the run has checkpointed and returned. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs until a stop is requested.
     *
     * @param shutdownGrace how long the outputs may take to acknowledge what they hold when stopping
     * @return the last status
     */
    public TailStatus run(Duration shutdownGrace) throws RegistryException, IOException, InterruptedException {
        FileTime registrySaved = settings.resetRegistry() || !Files.exists(settings.registry()) ? null
                : Files.getLastModifiedTime(settings.registry());
        try (Registry opened = Registry.open(settings.registry(), settings.resetRegistry())) {
            registry = opened;
            checkpoints = new FileCheckpoints(opened);
            since = registrySaved == null ? System.currentTimeMillis()
                    : registrySaved.toMillis() - CATCH_UP_MARGIN.toMillis();
            discover(settings.startAtEnd() && registry.entries().isEmpty());
            catchUp(registrySaved);
            status = snapshot();
            try (MetricsServer metrics = settings.metricsPort() == null ? null
                    : MetricsServer.start(settings.metricsPort(), () -> status.prometheus())) {
                if (metrics != null) {
                    note("metrics at http://127.0.0.1:" + metrics.port() + "/metrics");
                }
                loop();
            } finally {
                finish(shutdownGrace);
            }
            return status;
        } finally {
            for (LogStream s : streams.values()) {
                s.close();
            }
            stopped.countDown();
        }
    }

    private void loop() throws IOException, InterruptedException {
        long idleNanos = settings.idleFlush().toNanos();
        long now = System.nanoTime();
        long nextSave = now + SAVE_EVERY.toNanos();
        long nextStatus = settings.statusInterval().isZero() ? Long.MAX_VALUE : now + settings.statusInterval().toNanos();
        long nextDiscovery = now + DISCOVER_EVERY.toNanos();
        while (!stopRequested) {
            int lines = 0;
            int buffered = 0;
            for (LogStream s : streams.values()) {
                lines += poll(s);
                s.flushIfIdle(idleNanos);
                buffered += s.buffered();
            }
            if (lines == 0 && buffered == 0) {
                output.caughtUp(Instant.now());
            }
            output.flush();
            now = System.nanoTime();
            if (now >= nextSave) {
                if (allowlist != null) {
                    allowlist.reloadIfChanged(this::note);
                }
                status = snapshot();
                registry.forgetRotatedBefore(registry.now().minus(FORGET_ROTATED_AFTER));
                checkpoints.save();
                nextSave = now + SAVE_EVERY.toNanos();
            }
            if (now >= nextStatus) {
                note(status.line());
                nextStatus = now + settings.statusInterval().toNanos();
            }
            if (now >= nextDiscovery) {
                discover(false);
                nextDiscovery = now + DISCOVER_EVERY.toNanos();
            }
            if (lines == 0) {
                Thread.sleep(settings.pollInterval().toMillis());
            }
        }
    }

    /**
     * One stream's new lines. A file that cannot be read now (permissions changed, a disk error, a race
     * with rotation this follower did not foresee) must not stop the others: the failure is reported once
     * and the stream tried again at the next poll, where it left off.
     */
    private int poll(LogStream stream) {
        try {
            int lines = stream.poll(LINES_PER_POLL);
            failing.remove(stream);
            return lines;
        } catch (IOException | UncheckedIOException e) {
            String message = stream.path() + ": " + e + "; trying again";
            if (!message.equals(failing.put(stream, message))) {
                note(message);
            }
            return 0;
        }
    }

    /** Gives the outputs a bounded time to acknowledge, then saves what they did. */
    private void finish(Duration grace) throws IOException, InterruptedException {
        Thread finishing = Thread.ofPlatform().daemon().name("flowscore-tail-finish").start(() -> {
            try {
                output.finish();
            } catch (IOException | RuntimeException e) {
                note("stopping: " + e.getMessage());
            }
        });
        finishing.join(grace.toMillis());
        if (finishing.isAlive()) {
            note("stopping: the outputs did not acknowledge everything within " + grace.toSeconds()
                    + " s; what they did not is read and sent again on the next start");
        }
        status = snapshot();
        checkpoints.save();
        note(status.line());
    }

    /** Creates a stream for every path an input names now (a glob may name new ones later). */
    private void discover(boolean startAtEnd) throws IOException {
        for (InputSpec input : settings.inputs()) {
            for (Path path : matches(input.path())) {
                if (!streams.containsKey(path)) {
                    ReadOptions options = new ReadOptions(input.format(), false, LineSource.DEFAULT_MAX_LINE_BYTES,
                            new ReaderContext(input.sensor() != null ? input.sensor() : ReaderContext.DEFAULT_SENSOR,
                                    new CommunityId(0), settings.localNetworks(), input.zeekScopeSeparator()));
                    streams.put(path, new LogStream(path, options, model, threshold, output, checkpoints,
                            counters, stats, startAtEnd, since, settings.threads(), this::note));
                }
            }
        }
    }

    /** A plain path names itself, existing or not yet; a glob names the files that match it now. */
    static List<Path> matches(String pattern) throws IOException {
        Path path = Path.of(pattern).toAbsolutePath().normalize();
        if (!Globs.isGlob(pattern)) {
            return List.of(path);
        }
        Path base = Globs.base(path);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + path);
        int depth = path.getNameCount() - base.getNameCount();
        try (Stream<Path> found = Files.find(base, depth, (p, a) -> a.isRegularFile() && matcher.matches(p))) {
            return found.sorted().toList();
        }
    }

    /**
     * Files whose path moved on while flowscore was stopped, read before the followed paths, oldest first:
     * the rotated names in a followed path's folder that the registry knows and were not finished (read
     * from their acknowledged offset), and those it does not know that changed since it was last saved
     * (rotated in and out of the path entirely while flowscore was down). A first start (no registry) reads
     * no history: that is what {@code backfill} is for. Within one folder, paths keep their own files.
     */
    private void catchUp(FileTime registrySaved) throws IOException {
        if (registrySaved == null) {
            return;
        }
        for (LogStream s : streams.values()) {
            for (Path file : Rotations.toCatchUp(s.path(), registry, since, true)) {
                s.catchUp(file);
            }
        }
    }

    private TailStatus snapshot() throws IOException {
        List<TailStatus.FileLag> files = new ArrayList<>();
        int buffered = 0;
        long flows = 0;
        long alerts = 0;
        for (LogStream s : streams.values()) {
            files.add(new TailStatus.FileLag(s.path().toString(), s.lagBytes(), s.lagSeconds()));
            buffered += s.buffered();
            flows += s.flows();
            alerts += s.alerts();
        }
        return new TailStatus(counters.lines.sum(), counters.connections.sum(), flows, alerts,
                stats.skippedTotal(), counters.rotations.sum(), esStats.get(), buffered, files);
    }

    private void note(String message) {
        err.println("flowscore: " + message);
        err.flush();
    }
}
