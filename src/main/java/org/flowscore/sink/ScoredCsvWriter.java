package org.flowscore.sink;

import java.io.Writer;
import java.util.function.Consumer;
import org.flowscore.features.KddFeatures;
import org.flowscore.features.KddSchema;
import org.flowscore.model.ScoredFlow;

/**
 * {@code score --output-format csv}: one row per flow with the identity columns first, then the verdict,
 * then the 41 features, for analysts who work in spreadsheets or pandas.
 */
public final class ScoredCsvWriter implements Consumer<ScoredFlow> {
    private final CsvLines lines;

    public ScoredCsvWriter(Writer out) {
        this.lines = new CsvLines(out, "scored CSV");
        lines.line().append(String.join(",", CsvLines.IDENTITY_COLUMNS))
                .append(",sensor,score,label,top_feature,")
                .append(String.join(",", KddSchema.NAMES));
        lines.emit();
    }

    @Override
    public void accept(ScoredFlow flow) {
        lines.identity(flow.connection()).append(',')
                .append(CsvLines.field(flow.connection().sensor())).append(',')
                .append(flow.score()).append(',')
                .append(flow.attack() ? "attack" : "normal").append(',')
                .append(flow.explanation().isEmpty() ? "" : flow.explanation().getFirst().feature());
        KddFeatures f = flow.features();
        for (int i = 0; i < KddSchema.COUNT; i++) {
            lines.line().append(',').append(f.format(i));
        }
        lines.emit();
    }
}
