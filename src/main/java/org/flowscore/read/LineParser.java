package org.flowscore.read;

import org.flowscore.flow.Connection;
import org.flowscore.flow.SourceFormat;
import org.flowscore.format.LineOutcome;
import org.flowscore.format.LogReader;
import org.flowscore.format.LogReaders;
import org.flowscore.source.SourceLine;

/**
 * The lines of one file, in order, into connections: every line that is not one is counted in
 * {@link ReadStats} (by kind, or by skip reason with its location), or stops the run under {@code --strict}.
 */
public final class LineParser {
    private final LogReader reader;
    private final ReadStats stats;
    private final boolean strict;
    private final String displayName;

    private LineParser(LogReader reader, ReadStats stats, boolean strict, String displayName) {
        this.reader = reader;
        this.stats = stats;
        this.strict = strict;
        this.displayName = displayName;
    }

    /** A parser for a newly opened file, counted in {@code stats}. */
    public static LineParser forFile(SourceFormat format, ReadOptions options, ReadStats stats, String displayName) {
        stats.fileOpened();
        return new LineParser(LogReaders.create(format, options.context()), stats, options.strict(), displayName);
    }

    /**
     * The line's connection, or null when it holds none (a header, another event type, a bad line).
     *
     * @throws BadLineException for a bad line under {@code --strict}
     */
    public Connection parse(SourceLine line) throws BadLineException {
        switch (reader.read(line)) {
            case LineOutcome.Parsed p -> {
                stats.connection();
                return p.connection();
            }
            case LineOutcome.NotAConnection n -> stats.notAConnection(n.kind());
            case LineOutcome.Skipped s -> {
                String location = displayName + ":" + line.number();
                if (strict) {
                    throw new BadLineException(location + ": " + s.reason().description() + " (" + s.detail() + ")");
                }
                stats.skipped(s.reason(), location, s.detail());
            }
        }
        return null;
    }
}
