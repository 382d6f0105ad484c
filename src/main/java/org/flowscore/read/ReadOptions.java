package org.flowscore.read;

import org.flowscore.flow.SourceFormat;
import org.flowscore.format.ReaderContext;
import org.flowscore.source.LineSource;

/**
 * How inputs are read.
 *
 * @param format       the format of every input, or null to detect it per input
 * @param strict       stop at the first bad line instead of counting and skipping it
 * @param maxLineBytes lines longer than this are skipped as too long
 * @param context      sensor name and Community ID settings
 */
public record ReadOptions(SourceFormat format, boolean strict, int maxLineBytes, ReaderContext context) {
    public static ReadOptions defaults() {
        return new ReadOptions(null, false, LineSource.DEFAULT_MAX_LINE_BYTES, ReaderContext.defaults());
    }
}
