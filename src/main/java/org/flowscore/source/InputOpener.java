package org.flowscore.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.zip.GZIPInputStream;

/**
 * Opens an input as a byte stream, decompressing gzip when the first bytes are the gzip magic number
 * (never by file name: rotated logs are not always named {@code .gz}). {@link GZIPInputStream} reads
 * concatenated gzip members as one stream, as {@code zcat} does.
 */
public final class InputOpener {
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private InputOpener() {
    }

    public static InputStream open(InputFile input) throws InputException {
        InputStream raw;
        if (input.isStdin()) {
            raw = System.in;
        } else {
            try {
                raw = Files.newInputStream(input.path());
            } catch (NoSuchFileException e) {
                throw new InputException(input.displayName() + ": no such file");
            } catch (AccessDeniedException e) {
                throw new InputException(input.displayName() + ": permission denied (run as a user that can read it)");
            } catch (IOException e) {
                throw new InputException(input.displayName() + ": cannot open: " + e.getMessage(), e);
            }
        }
        try {
            return decompressIfGzip(new BufferedInputStream(raw, 1 << 16));
        } catch (IOException e) {
            throw new InputException(input.displayName() + ": cannot read: " + e.getMessage(), e);
        }
    }

    static InputStream decompressIfGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }
}
