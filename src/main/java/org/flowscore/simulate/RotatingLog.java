package org.flowscore.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.flowscore.flow.Connection;
import org.flowscore.flow.SourceFormat;

/**
 * Writes connections live, as a sensor does: each one when the clock reaches its end (a connection is logged
 * once it is over), into {@code conn.log} (or {@code eve.json}) in the output folder, flushed before every
 * wait so a follower sees it at once. Every {@code rotateMicros} of clock time, aligned like zeekctl's
 * (hourly on the hour by default), the file is closed, moved to
 * {@code YYYY-MM-DD/conn.HH:MM:SS-HH:MM:SS.log} (its open and close times, UTC) — a rename, so a follower
 * holding it open can drain it — then optionally gzipped to {@code .log.gz} beside it, and a fresh file with a
 * new header takes its place. Closing rotates once more, as zeekctl does at shutdown.
 */
public final class RotatingLog implements AutoCloseable {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Path folder;
    private final SourceFormat format;
    private final long rotateMicros;
    private final boolean gzip;
    private final Pacer pacer;
    private final Path live;
    private final List<Path> archives = new ArrayList<>();
    private Writer out;
    private LogWriter log;
    private long openedMicros;
    private long rotateAtMicros;

    public RotatingLog(Path folder, SourceFormat format, long rotateMicros, boolean gzip, Pacer pacer)
            throws IOException {
        if (rotateMicros < 1_000_000) {
            throw new IllegalArgumentException("rotation interval below one second: archive names have seconds");
        }
        this.folder = folder;
        this.format = format;
        this.rotateMicros = rotateMicros;
        this.gzip = gzip;
        this.pacer = pacer;
        this.live = folder.resolve(LogWriter.liveName(format));
        Files.createDirectories(folder);
        openFile(pacer.nowMicros());
    }

    /** Waits until {@code c} has ended, rotating on time at every boundary on the way, then writes it. */
    public void write(Connection c) throws IOException, InterruptedException {
        long due = c.endMicros();
        while (due >= rotateAtMicros) {
            out.flush();
            pacer.awaitMicros(rotateAtMicros);
            rotate(rotateAtMicros);
        }
        if (due > pacer.nowMicros()) {
            out.flush();
            pacer.awaitMicros(due);
        }
        while (pacer.nowMicros() >= rotateAtMicros) {
            rotate(rotateAtMicros);
        }
        log.write(c);
    }

    /** The file being written: {@code conn.log} or {@code eve.json} in the folder. */
    public Path live() {
        return live;
    }

    /** The archived files so far, in rotation order. */
    public List<Path> archives() {
        return List.copyOf(archives);
    }

    /** Rotates the current file into the archive, as zeekctl does at shutdown. */
    @Override
    public void close() throws IOException {
        if (out != null) {
            archive(pacer.nowMicros());
            out = null;
        }
    }

    private void rotate(long atMicros) throws IOException {
        archive(atMicros);
        openFile(atMicros);
    }

    private void openFile(long atMicros) throws IOException {
        out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(live), StandardCharsets.UTF_8), 1 << 16);
        log = LogWriter.of(format, out);
        log.open(atMicros);
        openedMicros = atMicros;
        rotateAtMicros = Math.floorDiv(atMicros, rotateMicros) * rotateMicros + rotateMicros;
    }

    private void archive(long closeMicros) throws IOException {
        log.close(closeMicros);
        out.close();
        Path day = Files.createDirectories(folder.resolve(DAY.format(instant(openedMicros))));
        String[] nameParts = LogWriter.liveName(format).split("\\.");
        String name = nameParts[0] + "." + TIME.format(instant(openedMicros)) + "-" + TIME.format(instant(closeMicros))
                + "." + nameParts[1];
        Path moved = Files.move(live, day.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        archives.add(gzip ? compress(moved) : moved);
    }

    /** Gzips next to the file under a temporary name, renames into place, removes the plain file. */
    private static Path compress(Path plain) throws IOException {
        Path target = plain.resolveSibling(plain.getFileName() + ".gz");
        Path partial = plain.resolveSibling(plain.getFileName() + ".gz.partial");
        try (InputStream in = Files.newInputStream(plain);
             OutputStream gz = new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16)) {
            in.transferTo(gz);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(plain);
        return target;
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000));
    }
}
