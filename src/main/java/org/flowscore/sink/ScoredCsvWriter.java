package org.flowscore.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Consumer;
import org.flowscore.features.KddFeatures;
import org.flowscore.features.KddSchema;
import org.flowscore.flow.Connection;
import org.flowscore.model.ScoredFlow;

/**
 * {@code score --output-format csv}: one row per flow with the identity columns first, then the verdict,
 * then the 41 features, for analysts who work in spreadsheets or pandas.
 */
public final class ScoredCsvWriter implements Consumer<ScoredFlow> {
    private final Writer out;
    private final StringBuilder line = new StringBuilder(512);

    public ScoredCsvWriter(Writer out) {
        this.out = out;
        line.append(String.join(",", FeatureCsvWriter.IDENTITY_COLUMNS))
                .append(",sensor,score,label,top_feature,")
                .append(String.join(",", KddSchema.NAMES));
        emit();
    }

    @Override
    public void accept(ScoredFlow flow) {
        Connection c = flow.connection();
        line.append(Timestamps.iso(c.startMicros())).append(',')
                .append(Csv.field(c.recordId())).append(',')
                .append(Csv.field(c.communityId())).append(',')
                .append(c.key().sourceIp()).append(',').append(c.key().sourcePort()).append(',')
                .append(c.key().destinationIp()).append(',').append(c.key().destinationPort()).append(',')
                .append(Csv.field(c.sensor())).append(',')
                .append(flow.score()).append(',')
                .append(flow.attack() ? "attack" : "normal").append(',')
                .append(flow.explanation().isEmpty() ? "" : flow.explanation().getFirst().feature());
        KddFeatures f = flow.features();
        for (int i = 0; i < KddSchema.COUNT; i++) {
            line.append(',').append(f.format(i));
        }
        emit();
    }

    private void emit() {
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the scored CSV failed", e);
        }
        line.setLength(0);
    }
}
