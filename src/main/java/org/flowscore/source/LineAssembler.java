package org.flowscore.source;

import java.io.IOException;
import java.util.Arrays;

/**
 * Cuts bytes into {@link SourceLine}s with their byte offsets, for finished streams ({@link LineSource})
 * and growing files alike. Lines end at LF; a CR before the LF is dropped, so CRLF files read like LF
 * files. A line longer than the limit is not kept in memory: its first bytes are handed out with
 * {@code overlong = true} and the rest is skipped, so a 10 MB line or a binary file without newlines
 * cannot exhaust the heap.
 */
public final class LineAssembler {
    public static final int PREVIEW_BYTES = 256;

    /** Where the bytes come from; a read may find none now and more later (a file being written). */
    @FunctionalInterface
    public interface Bytes {
        /**
         * Reads up to {@code length} bytes into {@code into}, those at {@code offset} of the input.
         *
         * @return how many were read; 0 or less when there are none (now)
         */
        int read(byte[] into, int length, long offset) throws IOException;
    }

    private final Bytes bytes;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private long bufferStart;
    private int pos;
    private int limit;
    private byte[] carry = new byte[256];
    private int carried;
    private boolean overlong;
    private long lineStart;
    private long lineNumber;

    /**
     * @param startOffset     offset of the first byte {@code bytes} gives (non-zero when resuming mid-file)
     * @param firstLineNumber number of the first line (1 unless resuming)
     */
    public LineAssembler(Bytes bytes, int maxLineBytes, long startOffset, long firstLineNumber) {
        if (maxLineBytes < PREVIEW_BYTES) {
            throw new IllegalArgumentException("maximum line length must be at least " + PREVIEW_BYTES + " bytes");
        }
        this.bytes = bytes;
        this.maxLineBytes = maxLineBytes;
        this.bufferStart = startOffset;
        this.lineStart = startOffset;
        this.lineNumber = firstLineNumber - 1;
    }

    /** The next line ended by LF, or null when the input has no complete line (now). */
    public SourceLine nextComplete() throws IOException {
        while (true) {
            if (pos >= limit && !fill()) {
                return null;
            }
            int newline = indexOf(buffer, pos, limit);
            int end = newline >= 0 ? newline : limit;
            take(pos, end - pos);
            pos = newline >= 0 ? newline + 1 : limit;
            if (newline >= 0) {
                return finish();
            }
        }
    }

    /**
     * The unterminated last line of an input that will not grow any more, or null when it ends with a
     * newline.
     */
    public SourceLine rest() throws IOException {
        while (pos < limit || fill()) {
            take(pos, limit - pos);
            pos = limit;
        }
        return carried > 0 || overlong ? finish() : null;
    }

    /** The offset just past the last line handed out: where a reader would resume. */
    public long position() {
        return lineStart;
    }

    private boolean fill() throws IOException {
        long next = bufferStart + limit;
        int n = bytes.read(buffer, buffer.length, next);
        if (n <= 0) {
            return false;
        }
        bufferStart = next;
        pos = 0;
        limit = n;
        return true;
    }

    private void take(int from, int length) {
        if (overlong) {
            return;
        }
        int keep = length;
        if (carried + length > maxLineBytes) {
            overlong = true;
            keep = Math.max(0, Math.min(length, PREVIEW_BYTES - carried));
        }
        if (carried + keep > carry.length) {
            carry = Arrays.copyOf(carry, Math.max(carry.length * 2, carried + keep));
        }
        System.arraycopy(buffer, from, carry, carried, keep);
        carried += keep;
    }

    private SourceLine finish() {
        long end = bufferStart + pos;
        int length = carried;
        if (!overlong && length > 0 && carry[length - 1] == '\r') {
            length--;
        }
        SourceLine line = new SourceLine(++lineNumber, lineStart, end, Arrays.copyOf(carry, length), overlong);
        lineStart = end;
        carried = 0;
        overlong = false;
        return line;
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
