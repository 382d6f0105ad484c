package org.flowscore.backfill;

import java.util.OptionalLong;
import org.flowscore.pipeline.BadLineException;
import org.flowscore.pipeline.ConnectionReader;
import org.flowscore.pipeline.ReadOptions;
import org.flowscore.pipeline.ReadStats;
import org.flowscore.source.InputException;
import org.flowscore.source.InputFile;

/** The start time of a file's first connection: where a file whose name tells no time sorts. */
final class FirstRecord {
    /** Stops the reader at the first connection; carries no stack trace, it is not an error. */
    private static final class Found extends RuntimeException {
        final long startMicros;

        Found(long startMicros) {
            super(null, null, false, false);
            this.startMicros = startMicros;
        }
    }

    private FirstRecord() {
    }

    static OptionalLong startMicros(InputFile input, ReadOptions options) throws InputException {
        ReadOptions lenient = new ReadOptions(options.format(), false, options.maxLineBytes(), options.context());
        try {
            new ConnectionReader(lenient, new ReadStats()).read(input, c -> {
                throw new Found(c.startMicros());
            });
            return OptionalLong.empty();
        } catch (Found found) {
            return OptionalLong.of(found.startMicros);
        } catch (BadLineException e) {
            throw new IllegalStateException("a lenient reader reported a bad line", e);
        }
    }
}
