package org.flowscore.sink;

import java.io.Writer;
import java.util.function.Consumer;
import org.flowscore.features.FeatureSet;
import org.flowscore.model.ScoredFlow;

/**
 * {@code score --output-format csv}: one row per flow with the identity columns first, then the verdict,
 * then the features the model read (the 41, and the extended ones when it reads them), for analysts who
 * work in spreadsheets or pandas.
 */
public final class ScoredCsvWriter implements Consumer<ScoredFlow> {
    private final CsvLines lines;
    private final FeatureSet set;

    /** @param set the features of the model that scores the flows */
    public ScoredCsvWriter(Writer out, FeatureSet set) {
        this.lines = new CsvLines(out, "scored CSV");
        this.set = set;
        lines.line().append(String.join(",", CsvLines.IDENTITY_COLUMNS))
                .append(",sensor,direction,score,label,top_feature,")
                .append(String.join(",", set.names()));
        lines.emit();
    }

    @Override
    public void accept(ScoredFlow flow) {
        lines.identity(flow.connection()).append(',')
                .append(CsvLines.field(flow.connection().sensor())).append(',')
                .append(flow.direction().ecsName()).append(',')
                .append(flow.score()).append(',')
                .append(flow.attack() ? "attack" : "normal").append(',')
                .append(flow.explanation().isEmpty() ? "" : flow.explanation().getFirst().feature());
        double[] x = set.vector(flow.featured());
        for (int i = 0; i < x.length; i++) {
            lines.line().append(',').append(set.format(i, x[i]));
        }
        lines.emit();
    }
}
