package org.flowscore.bench;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import org.flowscore.features.ExtendedSettings;
import org.flowscore.features.FeatureExtractor;
import org.flowscore.features.FeatureSettings;
import org.flowscore.features.ServiceTable;
import org.flowscore.flow.Connection;

/**
 * The cost of the features a model reads, per connection, single thread: the 41 NSL-KDD features alone, then
 * with the extended ones, over connections already in memory (reading is measured by the pipeline bench).
 */
public final class ExtractionBenchmark {
    private final List<Connection> connections;
    private final FeatureSettings settings;
    private final ExtendedSettings extended;
    private final int rounds;
    private final PrintWriter log;

    public ExtractionBenchmark(List<Connection> connections, FeatureSettings settings, ExtendedSettings extended,
                               int rounds, PrintWriter log) {
        this.connections = connections;
        this.settings = settings;
        this.extended = extended;
        this.rounds = rounds;
        this.log = log;
    }

    public void run() {
        measure("features, the 41", null);
        if (extended != null) {
            measure("features, the 41 and the extended", extended);
        }
    }

    /** Median of {@code rounds} passes after one warm-up pass. */
    private void measure(String name, ExtendedSettings with) {
        pass(with);
        double[] seconds = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            seconds[i] = pass(with);
        }
        Arrays.sort(seconds);
        double rate = connections.size() / seconds[rounds / 2];
        log.printf("  %-36s %,10d rows  %8.3f s  %,12.0f rows/s  %6.2f us/row%n", name, connections.size(),
                seconds[rounds / 2], rate, 1e6 / rate);
        log.flush();
    }

    private double pass(ExtendedSettings with) {
        long[] emitted = {0};
        long t0 = System.nanoTime();
        FeatureExtractor extractor = new FeatureExtractor(settings, with, ServiceTable.bundled(), fc -> emitted[0]++);
        connections.forEach(extractor);
        extractor.flush();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (emitted[0] != connections.size()) {
            throw new IllegalStateException("the extractor lost connections");
        }
        return seconds;
    }
}
