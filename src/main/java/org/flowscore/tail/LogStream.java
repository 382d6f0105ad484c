package org.flowscore.tail;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.flowscore.flow.Connection;
import org.flowscore.model.Model;
import org.flowscore.read.FollowedFileParser;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.runtime.ScoringStream;
import org.flowscore.sink.FlowOutput;
import org.flowscore.source.SourceLine;
import org.flowscore.source.follow.OpenLog;
import org.flowscore.source.follow.PathFollower;
import org.flowscore.source.follow.Rotations;
import org.flowscore.source.registry.AckTracker;
import org.flowscore.source.registry.FileCheckpoints;
import org.flowscore.source.registry.FileState;
import org.flowscore.source.registry.Registry;

/**
 * One followed path and the files that pass through it: the source side of a {@link ScoringStream} of its
 * own, which sees every connection of the path in file and line order, as {@code score} and {@code backfill}
 * do, so the same log gives the same features and scores whichever reads it.
 *
 * <p>Every file is read from its start: lines up to the registry's acknowledged offset (or, with
 * {@code --start-at-end}, up to the end the file had when the tailer first saw it) only feed the feature
 * windows and a TSV file's header; the lines after it are delivered, each connection with its record's
 * acknowledgement from the file's {@link AckTracker}, which moves the registry offset only past records the
 * outputs stored.
 */
final class LogStream implements PathFollower.Listener, Closeable {
    private final ReadOptions readOptions;
    private final Registry registry;
    private final TailCounters counters;
    private final ReadStats stats;
    private final Consumer<String> log;
    private final PathFollower follower;
    private final FileCheckpoints checkpoints;
    private final ScoringStream stream;
    private boolean startAtEnd;
    private FollowedFileParser parser;
    private AckTracker tracker;
    private long deliverFrom;
    private long lastLineNanos = System.nanoTime();
    private long lastEndMicros = -1;
    /** When the file rotated before the current one last changed: files unknown and newer were missed. */
    private long rotatedSinceMillis;

    /**
     * @param startAtEnd whether a file already there and unknown to the registry is delivered only from its
     *                   current end (its earlier lines still feed the windows)
     * @param since      files rotated away unknown to the registry and changed since then are read: the
     *                   registry's last save at a restart, now at a first start
     */
    LogStream(Path path, ReadOptions readOptions, Model model, double threshold, FlowOutput output,
              FileCheckpoints checkpoints, TailCounters counters, ReadStats stats, boolean startAtEnd, long since,
              int threads, Consumer<String> log) {
        this.readOptions = readOptions;
        this.checkpoints = checkpoints;
        this.registry = checkpoints.registry();
        this.counters = counters;
        this.stats = stats;
        this.startAtEnd = startAtEnd;
        this.rotatedSinceMillis = since;
        this.log = log;
        this.follower = new PathFollower(path, readOptions.maxLineBytes(), this);
        this.stream = new ScoringStream(model, threshold, output, threads);
    }

    Path path() {
        return follower.path();
    }

    /** Reads what is new, at most about {@code maxLines}; the lines read. */
    int poll(int maxLines) throws IOException {
        int lines = follower.poll(maxLines);
        if (lines > 0) {
            lastLineNanos = System.nanoTime();
            stream.handOn();
        }
        return lines;
    }

    /**
     * Releases the connections the reorder buffer holds when nothing came for {@code idleNanos}: on a quiet
     * sensor the last flows of a burst would otherwise wait for the next one.
     */
    void flushIfIdle(long idleNanos) {
        if (idleNanos > 0 && System.nanoTime() - lastLineNanos > idleNanos && stream.buffered() > 0) {
            stream.flush();
            stream.handOn();
        }
    }

    /** Connections read and not yet handed to the outputs (the reorder buffer's). */
    int buffered() {
        return stream.buffered();
    }

    /** Flows scored and handed to the outputs. */
    long flows() {
        return stream.scored();
    }

    /** Of them, flagged. */
    long alerts() {
        return stream.flagged();
    }

    /** Bytes of the current file not read yet, or 0 without one. */
    long lagBytes() throws IOException {
        OpenLog current = follower.current();
        return current == null ? 0 : Math.max(0, current.size() - current.position());
    }

    /** How far behind the wall clock the newest connection read ends, in seconds; -1 before the first. */
    double lagSeconds() {
        return lastEndMicros < 0 ? -1 : Math.max(0, System.currentTimeMillis() * 1000 - lastEndMicros) / 1e6;
    }

    /**
     * Reads a file an earlier run left part-delivered, whose path moved on since (rotated while the tailer
     * was down), from its acknowledged offset to its end, before the followed path.
     */
    void catchUp(Path file) throws IOException {
        try (OpenLog log = OpenLog.open(file, readOptions.maxLineBytes())) {
            if (log == null) {
                return;
            }
            this.log.accept(file + ": catching up on a file rotated before it could be followed");
            start(log);
            while (log.readLines(Integer.MAX_VALUE, line -> line(log, line)) > 0) {
                lastLineNanos = System.nanoTime();
                stream.handOn();
            }
            SourceLine rest = log.rest();
            if (rest != null) {
                line(log, rest);
                stream.handOn();
            }
            checkpoints.readToEnd(tracker, FileState.ROTATED);
        }
    }

    /**
     * A new file at the path. Files that came and went there while an earlier one was still being read
     * (or while catching up at start) are read first: they changed no earlier than the file rotated
     * before, and reading them takes time, during which more may go.
     */
    @Override
    public void opened(OpenLog file) throws IOException {
        for (List<Path> missed = Rotations.toCatchUp(follower.path(), registry, rotatedSinceMillis, false);
             !missed.isEmpty(); missed = Rotations.toCatchUp(follower.path(), registry, rotatedSinceMillis, false)) {
            for (Path m : missed) {
                if (!m.equals(file.path())) {
                    catchUp(m);
                }
            }
        }
        start(file);
    }

    private void start(OpenLog file) {
        counters.filesOpened.increment();
        boolean known = checkpoints.known(file.head()).isPresent();
        long size = size(file);
        tracker = checkpoints.open(file.path(), file.head(), size, startAtEnd ? size : 0);
        deliverFrom = tracker.acknowledgedOffset();
        startAtEnd = false;
        parser = new FollowedFileParser(readOptions, stats, file.path().toString(), log);
        if (deliverFrom > 0) {
            log.accept(file.path() + ": delivering from byte " + deliverFrom + " (" + (known
                    ? "acknowledged by an earlier run" : "--start-at-end") + "); the lines before feed the windows");
        }
    }

    @Override
    public void line(OpenLog file, SourceLine line) {
        counters.lines.increment();
        counters.bytes.add(line.endOffset() - line.offset());
        Connection connection = parser.parse(line);
        if (line.endOffset() <= deliverFrom) {
            if (connection != null) {
                stream.warmUp(connection);
            }
            return;
        }
        if (connection == null) {
            tracker.skip(line.endOffset());
            return;
        }
        counters.connections.increment();
        lastEndMicros = connection.endMicros();
        stream.accept(connection, tracker.record(line.endOffset()));
    }

    @Override
    public void rotated(OpenLog file) throws IOException {
        counters.rotations.increment();
        checkpoints.readToEnd(tracker, FileState.ROTATED);
        Path movedTo = Rotations.findByInode(file);
        registry.find(file.head()).ifPresent(e -> registry.put(e.seen(
                (movedTo != null ? movedTo : file.path()).toString(), e.identity(), e.size(), registry.now())));
        log.accept(follower.path() + " rotated" + (movedTo != null ? " to " + movedTo : "")
                + ": the previous file was read to its end");
        rotatedSinceMillis = movedTo != null ? Files.getLastModifiedTime(movedTo).toMillis() : System.currentTimeMillis();
    }

    @Override
    public void truncated(OpenLog file) {
        // The registry keys files by inode, so the new content's entry replaces the old one's.
        counters.truncations.increment();
        log.accept(follower.path() + " was truncated in place (copytruncate): reading it again from its start");
    }

    private static long size(OpenLog file) {
        try {
            return file.size();
        } catch (IOException e) {
            return file.position();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            follower.close();
        } finally {
            stream.close();
        }
    }
}
