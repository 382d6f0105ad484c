package org.flowscore.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into {@link SourceLine}s with their byte offsets. Lines end at LF; a CR before
 * the LF is dropped, so CRLF files read like LF files. A line longer than the limit is not kept in memory:
 * its first bytes are returned with {@code overlong = true} and the rest is skipped, so a 10 MB line or
 * a binary file without newlines cannot exhaust the heap. A last line without a terminator is returned too.
 */
public final class LineSource implements Closeable {
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
    private static final int PREVIEW_BYTES = 256;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int pos;
    private int limit;
    private long bufferStartOffset;
    private long lineNumber;
    private byte[] carry = new byte[256];
    private boolean eof;

    /**
     * @param startOffset offset of the stream's first byte (non-zero when resuming a file mid-way)
     * @param firstLineNumber number of the first line read (1 unless resuming)
     */
    public LineSource(InputStream in, int maxLineBytes, long startOffset, long firstLineNumber) {
        if (maxLineBytes < PREVIEW_BYTES) {
            throw new IllegalArgumentException("maximum line length must be at least " + PREVIEW_BYTES + " bytes");
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.bufferStartOffset = startOffset;
        this.lineNumber = firstLineNumber - 1;
    }

    public LineSource(InputStream in) {
        this(in, DEFAULT_MAX_LINE_BYTES, 0, 1);
    }

    /** The next line, or null at the end of the stream. */
    public SourceLine next() throws IOException {
        int carried = 0;
        long lineOffset = bufferStartOffset + pos;
        boolean overlong = false;
        while (true) {
            if (pos >= limit && !fill()) {
                if (carried == 0 && !overlong) {
                    return null;
                }
                return finish(lineOffset, carried, overlong, bufferStartOffset + pos);
            }
            int start = pos;
            int newline = indexOf(buffer, start, limit);
            int end = newline >= 0 ? newline : limit;
            int length = end - start;
            if (!overlong) {
                if (carried + length > maxLineBytes) {
                    overlong = true;
                    int keep = Math.max(0, Math.min(length, PREVIEW_BYTES - carried));
                    carried = append(carried, start, keep);
                } else {
                    carried = append(carried, start, length);
                }
            }
            pos = newline >= 0 ? newline + 1 : limit;
            if (newline >= 0) {
                return finish(lineOffset, carried, overlong, bufferStartOffset + pos);
            }
        }
    }

    private SourceLine finish(long offset, int carried, boolean overlong, long endOffset) {
        int length = carried;
        if (!overlong && length > 0 && carry[length - 1] == '\r') {
            length--;
        }
        lineNumber++;
        return new SourceLine(lineNumber, offset, endOffset, Arrays.copyOf(carry, length), overlong);
    }

    private int append(int carried, int from, int length) {
        if (carried + length > carry.length) {
            carry = Arrays.copyOf(carry, Math.max(carry.length * 2, carried + length));
        }
        System.arraycopy(buffer, from, carry, carried, length);
        return carried + length;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        bufferStartOffset += limit;
        pos = 0;
        limit = 0;
        int n = in.readNBytes(buffer, 0, buffer.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        limit = n;
        return true;
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
