package org.flowscore.sink;

import org.flowscore.features.FeatureSet;
import org.flowscore.model.ScoredFlow;

/**
 * {@code --output-format csv}: one row per flow with the identity columns first, then the verdict, then the
 * features the model read (the 41, and the extended ones when it reads them), for analysts who work in
 * spreadsheets or pandas.
 */
public final class ScoredCsv {
    private final FeatureSet set;
    private final CsvLines lines = new CsvLines();

    /** @param set the features of the model that scores the flows */
    public ScoredCsv(FeatureSet set) {
        this.set = set;
    }

    /** The header row, without the line break. */
    public static String header(FeatureSet set) {
        return String.join(",", CsvLines.IDENTITY_COLUMNS) + ",sensor,direction,score,label,top_feature,"
                + String.join(",", set.names());
    }

    /** A flow's row, without the line break. */
    String row(ScoredFlow flow) {
        StringBuilder line = lines.line();
        lines.identity(flow.connection()).append(',')
                .append(CsvLines.field(flow.connection().sensor())).append(',')
                .append(flow.direction().ecsName()).append(',')
                .append(flow.score()).append(',')
                .append(flow.attack() ? "attack" : "normal").append(',')
                .append(flow.explanation().isEmpty() ? "" : flow.explanation().getFirst().feature());
        double[] x = set == FeatureSet.of(flow.featured()) ? flow.values() : set.vector(flow.featured());
        for (int i = 0; i < x.length; i++) {
            set.append(line.append(','), i, x[i]);
        }
        return lines.take();
    }
}
