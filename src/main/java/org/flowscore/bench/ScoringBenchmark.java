package org.flowscore.bench;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.LabelledFeatures;
import org.flowscore.model.ModelBundle;
import org.flowscore.model.ModelException;
import org.flowscore.model.score.ForestScorer;
import org.flowscore.model.score.ScorerParts;
import smile.classification.RandomForest;
import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * Rows per second, single thread, of a random-forest bundle's scoring: the flattened forest flowscore
 * scores with, against Smile's own per-row {@code predict(Tuple, posteriori)} on the same rows (a Tuple
 * built per row, as a caller holding feature vectors must), and the explanations computed for alerts.
 */
public final class ScoringBenchmark {
    private final ModelBundle bundle;
    private final List<LabelledFeatures> rows;
    private final int rounds;
    private final PrintWriter log;

    public ScoringBenchmark(ModelBundle bundle, List<LabelledFeatures> rows, int rounds, PrintWriter log) {
        this.bundle = bundle;
        this.rows = rows;
        this.rounds = rounds;
        this.log = log;
    }

    public void run() throws ModelException {
        if (!(bundle.parts().get(ScorerParts.MODEL) instanceof RandomForest smile)) {
            throw new ModelException("the scoring benchmark compares a random forest with Smile;"
                    + " this bundle holds a " + bundle.info().algorithm());
        }
        ForestScorer flat = (ForestScorer) bundle.model().scorer();
        FeatureSet set = bundle.info().featureSet();
        double[][] x = rows.stream().map(r -> r.values(set)).toArray(double[][]::new);
        StructType schema = smile.schema();
        int[] column = new int[schema.length()];
        for (int j = 0; j < column.length; j++) {
            column[j] = set.index(schema.field(j).name());
        }
        double flatRate = measure("flattened forest", () -> {
            double sum = 0;
            for (double[] row : x) {
                sum += flat.score(row);
            }
            return sum;
        });
        double smileRate = measure("Smile predict(Tuple, posteriori)", () -> {
            double[] posteriori = new double[2];
            double sum = 0;
            for (double[] row : x) {
                double[] columns = new double[column.length];
                for (int j = 0; j < columns.length; j++) {
                    columns[j] = row[column[j]];
                }
                smile.predict(Tuple.of(schema, columns), posteriori);
                sum += posteriori[1];
            }
            return sum;
        });
        measure("explanation (top 3 features)", () -> {
            double sum = 0;
            for (double[] row : x) {
                sum += flat.explain(row, 3).size();
            }
            return sum;
        });
        log.printf("flattened forest / Smile: %.1fx%n", flatRate / smileRate);
        log.flush();
    }

    private interface Pass {
        double run();
    }

    /** Median rows/s of {@code rounds} passes over every row, after one warm-up pass. */
    private double measure(String name, Pass pass) {
        double sink = pass.run();
        double[] seconds = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            sink += pass.run();
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(seconds);
        double rate = rows.size() / seconds[rounds / 2];
        log.printf("  %-36s %,10d rows  %8.3f s  %,12.0f rows/s  %6.2f us/row%s%n", name, rows.size(),
                seconds[rounds / 2], rate, 1e6 / rate, Double.isNaN(sink) ? " (NaN seen)" : "");
        log.flush();
        return rate;
    }
}
