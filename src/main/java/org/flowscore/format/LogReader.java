package org.flowscore.format;

import org.flowscore.source.SourceLine;

/**
 * Turns the lines of one input, in order, into outcomes. A reader may keep state between lines (a Zeek
 * TSV reader keeps the current header), so use one reader per input and feed it every line.
 * A reader never throws for bad input: it returns {@link LineOutcome.Skipped}.
 */
public interface LogReader {
    LineOutcome read(SourceLine line);
}
