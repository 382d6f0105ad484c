package org.flowscore.testing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Zeek-like writer of {@code conn.log}: appends lines and rotates as Zeek does, renaming the file to
 * {@code conn.N.log} beside it and starting a fresh {@code conn.log} with the header.
 */
public final class RotatingConnLog implements AutoCloseable {
    private final Path dir;
    private final List<String> header;
    private BufferedWriter out;
    private int rotations;

    public RotatingConnLog(Path dir, List<String> header) {
        this.dir = dir;
        this.header = header;
        open();
    }

    public Path current() {
        return dir.resolve("conn.log");
    }

    public void write(String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renames the current file away and starts the next one with the header. */
    public void rotate() {
        try {
            out.close();
            rotations++;
            Files.move(current(), dir.resolve(String.format("conn.%04d.log", rotations)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        open();
    }

    public int rotations() {
        return rotations;
    }

    private void open() {
        try {
            out = Files.newBufferedWriter(current(), StandardCharsets.UTF_8);
            for (String h : header) {
                write(h);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
