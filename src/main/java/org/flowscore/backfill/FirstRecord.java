package org.flowscore.backfill;

import java.util.OptionalLong;
import org.flowscore.read.BadLineException;
import org.flowscore.read.ConnectionReader;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.source.InputException;
import org.flowscore.source.InputFile;

/**
 * When a file's first connection was logged (its end time): where a file whose name tells no time sorts.
 * Not its start: logs are written in end order, and a long flow at the head of a file can have started
 * before the first flows of the file rotated before it.
 */
final class FirstRecord {
    /** Stops the reader at the first connection; carries no stack trace, it is not an error. */
    private static final class Found extends RuntimeException {
        final long endMicros;

        Found(long endMicros) {
            super(null, null, false, false);
            this.endMicros = endMicros;
        }
    }

    private FirstRecord() {
    }

    static OptionalLong endMicros(InputFile input, ReadOptions options) throws InputException {
        ReadOptions lenient = new ReadOptions(options.format(), false, options.maxLineBytes(), options.context());
        try {
            new ConnectionReader(lenient, new ReadStats()).read(input, c -> {
                throw new Found(c.endMicros());
            });
            return OptionalLong.empty();
        } catch (Found found) {
            return OptionalLong.of(found.endMicros);
        } catch (BadLineException e) {
            throw new IllegalStateException("a lenient reader reported a bad line", e);
        }
    }
}
