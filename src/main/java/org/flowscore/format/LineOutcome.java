package org.flowscore.format;

import org.flowscore.flow.Connection;

/** What a reader made of one line. */
public sealed interface LineOutcome {

    /** The line was a connection. */
    record Parsed(Connection connection) implements LineOutcome {
    }

    /** The line was bad and is counted, never silently dropped. */
    record Skipped(SkipReason reason, String detail) implements LineOutcome {
    }

    /**
     * The line was well-formed but carries no connection: a Zeek header or blank line, a Suricata event of
     * another type. {@code kind} names it for the run summary ({@code header}, {@code alert}, {@code dns}, ...).
     */
    record NotAConnection(String kind) implements LineOutcome {
    }
}
