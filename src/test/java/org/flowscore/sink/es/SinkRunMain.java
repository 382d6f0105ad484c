package org.flowscore.sink.es;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.flowscore.testing.StandInPipeline;

/**
 * A scoring run of one day into Elasticsearch in a process of its own, for the test that kills it:
 * {@code URL NAMESPACE DEAD_LETTER_FILE PAUSE_MS_PER_100_FLOWS}.
 */
public final class SinkRunMain {
    private SinkRunMain() {
    }

    public static void main(String[] args) {
        EsOutputSettings settings = EsTestSettings.of(args[0], args[1], Path.of(args[2]));
        try (EsSink sink = EsSink.open(settings, System.err::println)) {
            StandInPipeline.run(StandInPipeline.ritaDay(), new Throttled(sink, Long.parseLong(args[3])));
            sink.summary().print(new PrintWriter(System.err, true));
        }
    }
}
