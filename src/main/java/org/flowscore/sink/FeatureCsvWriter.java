package org.flowscore.sink;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.function.Consumer;
import org.flowscore.features.FeaturedConnection;
import org.flowscore.features.KddFeatures;
import org.flowscore.features.KddSchema;

/**
 * Writes {@code flowscore features} output: the 41 NSL-KDD columns in data-set order and format (so the
 * file lines up with KDDTrain+), then the columns that identify the connection in the logs.
 */
public final class FeatureCsvWriter implements Consumer<FeaturedConnection>, Closeable {
    private final Writer out;
    private final CsvLines lines;

    public FeatureCsvWriter(Writer out) {
        this.out = out;
        this.lines = new CsvLines(out, "feature CSV");
        lines.line().append(String.join(",", KddSchema.NAMES)).append(',')
                .append(String.join(",", CsvLines.IDENTITY_COLUMNS));
        lines.emit();
    }

    @Override
    public void accept(FeaturedConnection fc) {
        KddFeatures f = fc.features();
        StringBuilder line = lines.line();
        for (int i = 0; i < KddSchema.COUNT; i++) {
            line.append(f.format(i)).append(',');
        }
        lines.identity(fc.connection());
        lines.emit();
    }

    @Override
    public void close() throws IOException {
        out.flush();
        out.close();
    }
}
