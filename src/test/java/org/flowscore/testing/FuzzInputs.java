package org.flowscore.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flowscore.source.SourceLine;

/** What the fuzz tests share: cutting fuzzer bytes into lines as a line source does, and seeds from real data. */
public final class FuzzInputs {
    /** Lines past this are overlong, as {@code --max-line-bytes} makes them; small, so the fuzzer reaches it. */
    public static final int MAX_LINE_BYTES = 4096;
    /** How much of a shared data file seeds a target: enough for every kind of line, little enough to be quick. */
    private static final int SEED_BYTES = 64 * 1024;

    private FuzzInputs() {
    }

    /** LF-terminated lines, a trailing CR dropped; a line over {@link #MAX_LINE_BYTES} is cut and marked overlong. */
    public static List<SourceLine> lines(byte[] data) {
        List<SourceLine> out = new ArrayList<>();
        int start = 0;
        while (start < data.length) {
            int lf = start;
            while (lf < data.length && data[lf] != '\n') {
                lf++;
            }
            int end = lf > start && data[lf - 1] == '\r' ? lf - 1 : lf;
            boolean overlong = end - start > MAX_LINE_BYTES;
            int kept = overlong ? start + MAX_LINE_BYTES : end;
            out.add(new SourceLine(out.size() + 1, start, Math.min(lf + 1, data.length),
                    Arrays.copyOfRange(data, start, kept), overlong));
            start = lf + 1;
        }
        return out;
    }

    /** The first {@value #SEED_BYTES} bytes of a shared data file, cut at a line end. */
    public static byte[] seed(String relative) {
        try {
            byte[] all = Files.readAllBytes(SharedData.require(relative));
            if (all.length <= SEED_BYTES) {
                return all;
            }
            int end = SEED_BYTES;
            while (end > 0 && all[end - 1] != '\n') {
                end--;
            }
            return Arrays.copyOf(all, end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A whole shared data file, for binary inputs such as pcaps. */
    public static byte[] file(String relative) {
        try {
            return Files.readAllBytes(SharedData.require(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes fuzzer bytes to a file for targets that read files. */
    public static Path write(Path file, byte[] data) {
        try {
            return Files.write(file, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
