package org.flowscore.source;

import java.nio.charset.StandardCharsets;

/**
 * One line of input with its position, as raw bytes (line terminator and a trailing CR removed).
 *
 * @param number    1-based line number within its input
 * @param offset    byte offset of the line's first byte (in the decompressed stream for gzip input)
 * @param endOffset byte offset just past the line terminator: where reading resumes after this line
 * @param bytes     the line's bytes; for an overlong line only its first bytes, kept for the error message
 * @param overlong  true when the line was longer than the reader's limit and was cut
 */
public record SourceLine(long number, long offset, long endOffset, byte[] bytes, boolean overlong) {

    /** The line as text, for messages; invalid UTF-8 shows as replacement characters. */
    public String preview(int maxChars) {
        String s = new String(bytes, StandardCharsets.UTF_8);
        return s.length() <= maxChars ? s : s.substring(0, maxChars) + "…";
    }

    public boolean isBlank() {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
