package org.flowscore.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.flowscore.flow.Connection;

/** Builds CSV lines; holds the columns every flowscore CSV starts with. */
final class CsvLines {
    static final String[] IDENTITY_COLUMNS = {
        "timestamp", "record_id", "community_id", "source_ip", "source_port", "destination_ip", "destination_port"
    };

    private final StringBuilder line = new StringBuilder(512);
    private final IsoTimestamps times = new IsoTimestamps();

    StringBuilder line() {
        return line;
    }

    /** Appends the identity columns of a connection, without a trailing comma. */
    StringBuilder identity(Connection c) {
        return times.append(line, c.startMicros()).append(',')
                .append(field(c.recordId())).append(',')
                .append(field(c.communityId())).append(',')
                .append(c.key().sourceIp()).append(',').append(c.key().sourcePort()).append(',')
                .append(c.key().destinationIp()).append(',').append(c.key().destinationPort());
    }

    /** The line built so far, and a fresh one. */
    String take() {
        String text = line.toString();
        line.setLength(0);
        return text;
    }

    /** A field quoted only when it must be (RFC 4180): when it holds a comma, quote or line break. */
    static String field(String s) {
        if (s == null) {
            return "";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + s.replace("\"", "\"\"") + '"';
            }
        }
        return s;
    }
}
