package org.flowscore.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.flowscore.model.Model;
import org.flowscore.model.score.Contribution;
import org.flowscore.model.score.Scorer;
import org.flowscore.read.ReadOptions;
import org.flowscore.runtime.BatchRun;
import org.flowscore.sink.FlowOutput;
import org.flowscore.source.InputFile;

/**
 * The production read → features → score pipeline over real logs, with a stand-in model whose score is a
 * hash of the feature values: deterministic, so a rerun flags the same flows, and about one flow in ten
 * at or above the threshold.
 */
public final class StandInPipeline {
    public static final double THRESHOLD = 0.9;
    /** The 24 hourly Zeek conn logs of one day: 31,367 connections. */
    public static final String RITA_DAY = "zeek/rita-missing-host/2024-04-19";
    public static final long RITA_DAY_RECORDS = 31_367;

    private StandInPipeline() {
    }

    public static Model model() {
        return new Model(ScoredDocuments.model(), new Scorer() {
            @Override
            public double score(double[] features) {
                return Math.floorMod(Arrays.hashCode(features), 1000) / 1000.0;
            }

            @Override
            public List<Contribution> explain(double[] features, int top) {
                return List.of(new Contribution("count", Double.toString(features[22]), 0.1));
            }

            @Override
            public double[] importance() {
                return new double[41];
            }
        });
    }

    /** The hourly conn logs of {@link #RITA_DAY}, in time order. */
    public static List<Path> ritaDay() {
        try (Stream<Path> files = Files.list(SharedData.require(RITA_DAY))) {
            return files.filter(p -> p.getFileName().toString().startsWith("conn.")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Scores the files into {@code output} and waits until it stored everything; the run's counts. */
    public static BatchRun.Result run(List<Path> files, FlowOutput output) {
        return run(files, ReadOptions.defaults(), output);
    }

    /** The same with other read options, e.g. another sensor name (which gives other document ids). */
    public static BatchRun.Result run(List<Path> files, ReadOptions options, FlowOutput output) {
        try {
            return BatchRun.run(files.stream().map(InputFile::new).toList(), options, model(), THRESHOLD, output, 1);
        } catch (Exception e) {
            throw new IllegalStateException("reading " + files + " failed: " + e.getMessage(), e);
        }
    }
}
