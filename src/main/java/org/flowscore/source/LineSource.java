package org.flowscore.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a finished byte stream into {@link SourceLine}s with their byte offsets, as
 * {@link LineAssembler} cuts them; a last line without a terminator is returned too.
 */
public final class LineSource implements Closeable {
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final LineAssembler lines;

    /**
     * @param startOffset offset of the stream's first byte (non-zero when resuming a file mid-way)
     * @param firstLineNumber number of the first line read (1 unless resuming)
     */
    public LineSource(InputStream in, int maxLineBytes, long startOffset, long firstLineNumber) {
        this.in = in;
        this.lines = new LineAssembler((into, length, offset) -> in.readNBytes(into, 0, length), maxLineBytes,
                startOffset, firstLineNumber);
    }

    public LineSource(InputStream in) {
        this(in, DEFAULT_MAX_LINE_BYTES, 0, 1);
    }

    /** The next line, or null at the end of the stream. */
    public SourceLine next() throws IOException {
        SourceLine line = lines.nextComplete();
        return line != null ? line : lines.rest();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
