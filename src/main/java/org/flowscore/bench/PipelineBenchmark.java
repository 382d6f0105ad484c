package org.flowscore.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.flowscore.features.FeatureExtractor;
import org.flowscore.features.FeatureSettings;
import org.flowscore.features.ServiceTable;
import org.flowscore.flow.Connection;
import org.flowscore.flow.SourceFormat;
import org.flowscore.read.BadLineException;
import org.flowscore.read.ConnectionReader;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.source.InputException;
import org.flowscore.source.InputFile;

/**
 * Measures records per second, single thread, for each stage of the pipeline on a corpus built from real
 * logs: reading each format (file to connections), the feature windows alone, and reading plus features.
 * Each measurement runs once to warm up and then {@code rounds} times; the median is reported.
 */
public final class PipelineBenchmark {

    /** One measured stage. */
    public record Result(String stage, long records, double medianSeconds, double recordsPerSecond) {
    }

    private final BenchCorpus corpus;
    private final long records;
    private final int rounds;
    private final PrintWriter log;

    public PipelineBenchmark(BenchCorpus corpus, long records, int rounds, PrintWriter log) {
        this.corpus = corpus;
        this.records = records;
        this.rounds = rounds;
        this.log = log;
    }

    public List<Result> run(Path workDir) throws IOException, InputException, BadLineException {
        List<Result> results = new ArrayList<>();
        results.add(measure("features only (windows, in memory)", () -> {
            CountingSink sink = new CountingSink();
            FeatureExtractor extractor = extractor(sink);
            corpus.replay(records, extractor);
            extractor.flush();
            return sink.count;
        }));
        for (SourceFormat format : List.of(SourceFormat.ZEEK_TSV, SourceFormat.ZEEK_JSON, SourceFormat.SURICATA_EVE)) {
            Path file = workDir.resolve("bench-" + format.cliName() + ".log");
            log.printf("writing %,d connections as %s to %s ...%n", records, format.cliName(), file);
            log.flush();
            corpus.write(format, records, file);
            results.add(measure(format.cliName() + " read", () -> read(file, format, new CountingSink())));
            results.add(measure(format.cliName() + " read + features", () -> {
                CountingSink sink = new CountingSink();
                FeatureExtractor extractor = extractor(sink);
                long n = read(file, format, extractor);
                extractor.flush();
                if (sink.count != n) {
                    throw new IllegalStateException("features lost connections: " + sink.count + " of " + n);
                }
                return n;
            }));
            Files.delete(file);
        }
        return results;
    }

    private static FeatureExtractor extractor(Consumer<? super org.flowscore.features.FeaturedConnection> sink) {
        return new FeatureExtractor(FeatureSettings.defaults(), ServiceTable.bundled(), sink::accept);
    }

    private static long read(Path file, SourceFormat format, Consumer<? super Connection> sink)
            throws InputException, BadLineException {
        ReadStats stats = new ReadStats();
        ReadOptions defaults = ReadOptions.defaults();
        new ConnectionReader(new ReadOptions(format, false, defaults.maxLineBytes(), defaults.context()), stats)
                .read(new InputFile(file), sink);
        if (stats.skippedTotal() > 0) {
            throw new IllegalStateException("benchmark corpus had bad lines: " + stats.summary());
        }
        return stats.connections();
    }

    private interface Stage {
        long run() throws IOException, InputException, BadLineException;
    }

    private Result measure(String name, Stage stage) throws IOException, InputException, BadLineException {
        long n = stage.run();
        double[] seconds = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            n = stage.run();
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(seconds);
        double median = seconds[rounds / 2];
        Result r = new Result(name, n, median, n / median);
        log.printf("  %-40s %,12d records  %8.2f s  %,12.0f records/s%n", name, n, median, r.recordsPerSecond());
        log.flush();
        return r;
    }

    private static final class CountingSink implements Consumer<Object> {
        long count;

        @Override
        public void accept(Object o) {
            count++;
        }
    }
}
