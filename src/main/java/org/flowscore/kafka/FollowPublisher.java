package org.flowscore.kafka;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flowscore.flow.Connection;
import org.flowscore.read.FollowedFileParser;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.source.SourceLine;
import org.flowscore.source.follow.OpenLog;
import org.flowscore.source.follow.PathFollower;
import org.flowscore.source.kafka.KafkaConnection;
import org.flowscore.source.registry.AckTracker;
import org.flowscore.source.registry.FileCheckpoints;
import org.flowscore.source.registry.FileState;

/**
 * {@code publish --follow}: live logs into a topic as they are written, the way {@code tail} follows them (through
 * rotation, copytruncate, paths that do not exist yet), each connection produced keyed by the sensor. The registry
 * holds per file the offset up to which the brokers acknowledged every record, so a restart resumes there.
 */
public final class FollowPublisher {
    private static final int LINES_PER_POLL = 5_000;
    private static final long SAVE_EVERY_NANOS = 1_000_000_000L;

    private final List<Path> paths;
    private final ReadOptions options;
    private final FileCheckpoints checkpoints;
    private final KafkaConnection connection;
    private final String topic;
    private final String sensor;
    private final PrintWriter err;
    private final ReadStats stats = new ReadStats();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopRequested;

    public FollowPublisher(KafkaConnection connection, String topic, String sensor, List<Path> paths,
                           ReadOptions options, FileCheckpoints checkpoints, PrintWriter err) {
        this.paths = List.copyOf(paths);
        this.options = options;
        this.checkpoints = checkpoints;
        this.err = err;
        this.connection = connection;
        this.topic = topic;
        this.sensor = sensor;
    }

    public void requestStop() {
        stopRequested = true;
    }

    public boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit);
    }

    /** Follows until a stop is requested; then waits for the brokers and saves the registry. */
    public void run(long pollMillis) throws IOException, InterruptedException {
        List<PathFollower> followers = new ArrayList<>();
        try (RecordProducer producer = new RecordProducer(connection, topic, sensor, err)) {
            for (Path path : paths) {
                followers.add(new PathFollower(path, options.maxLineBytes(), new Published(path, producer)));
            }
            note("following " + paths + "; records produced as lines are written");
            long lastSave = System.nanoTime();
            while (!stopRequested) {
                int lines = 0;
                for (PathFollower f : followers) {
                    lines += f.poll(LINES_PER_POLL);
                }
                producer.sendFailedAgain();
                if (System.nanoTime() - lastSave > SAVE_EVERY_NANOS) {
                    checkpoints.save();
                    lastSave = System.nanoTime();
                }
                if (lines == 0) {
                    Thread.sleep(pollMillis);
                }
            }
            producer.flush();
            checkpoints.save();
            note("stopped after producing " + producer.sent() + " records; " + stats.summary());
        } finally {
            for (PathFollower f : followers) {
                f.close();
            }
            stopped.countDown();
        }
    }

    /** One followed path: its current file's checkpoint and parser. */
    private final class Published implements PathFollower.Listener {
        private final Path path;
        private final RecordProducer producer;
        private AckTracker tracker;
        private FollowedFileParser parser;
        private long deliverFrom;

        Published(Path path, RecordProducer producer) {
            this.path = path;
            this.producer = producer;
        }

        @Override
        public void opened(OpenLog log) {
            long size;
            try {
                size = log.size();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            tracker = checkpoints.open(log.path(), log.head(), size, 0);
            deliverFrom = tracker.acknowledgedOffset();
            parser = new FollowedFileParser(options, stats, log.path().toString(), FollowPublisher.this::note);
            if (deliverFrom > 0) {
                note(log.path() + ": producing from byte " + deliverFrom + ", where an earlier run left off");
            }
        }

        @Override
        public void line(OpenLog log, SourceLine line) {
            Connection c = parser.parse(line);
            if (line.endOffset() <= deliverFrom) {
                return;
            }
            if (c == null) {
                tracker.skip(line.endOffset());
            } else {
                producer.send(c, line, tracker.record(line.endOffset()));
            }
        }

        @Override
        public void rotated(OpenLog log) {
            checkpoints.readToEnd(tracker, FileState.ROTATED);
            note(path + " rotated: the previous file was produced to its end");
        }

        @Override
        public void truncated(OpenLog log) {
            note(path + " was truncated in place (copytruncate): producing it again from its start");
        }
    }

    private void note(String message) {
        err.println("flowscore: " + message);
        err.flush();
    }
}
