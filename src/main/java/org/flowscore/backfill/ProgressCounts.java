package org.flowscore.backfill;

import java.time.Duration;
import java.util.Locale;

/**
 * How far a backfill got: updated by the run's thread, read by a progress display on its own thread. The
 * share done is by bytes on disk of the files read, which tracks the work better than the file count when
 * hourly files differ tenfold in size.
 */
public final class ProgressCounts {
    private final int files;
    private final long bytes;
    private final long startNanos = System.nanoTime();
    private volatile int filesDone;
    private volatile long bytesDone;
    private volatile long records;

    ProgressCounts(int files, long bytes) {
        this.files = files;
        this.bytes = bytes;
    }

    void fileDone(BackfillFile file) {
        filesDone++;
        bytesDone += file.bytes();
    }

    /** Flows written so far, all told. */
    void written(long total) {
        records = total;
    }

    public int files() {
        return files;
    }

    public int filesDone() {
        return filesDone;
    }

    public long bytes() {
        return bytes;
    }

    public long bytesDone() {
        return bytesDone;
    }

    public long records() {
        return records;
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    public double recordsPerSecond() {
        double seconds = elapsed().toNanos() / 1e9;
        return seconds <= 0 ? 0 : records / seconds;
    }

    /** The time left at the rate so far; null until a file is done. */
    public Duration eta() {
        long done = bytesDone;
        if (done <= 0) {
            return null;
        }
        return Duration.ofNanos((long) (elapsed().toNanos() * ((double) (bytes - done) / done)));
    }

    /** One line for a log: files, records, rate, share done, time left. */
    public String line() {
        Duration eta = eta();
        return String.format(Locale.ROOT, "backfill: %,d/%,d files, %,d records, %,.0f records/s, %.0f%% done, ETA %s",
                filesDone, files, records, recordsPerSecond(), bytes == 0 ? 100.0 : 100.0 * bytesDone / bytes,
                eta == null ? "unknown" : clock(eta));
    }

    static String clock(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
