package org.flowscore.sink;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.function.Consumer;
import org.flowscore.features.FeaturedConnection;
import org.flowscore.features.FeatureSet;

/**
 * Writes {@code flowscore features} output: the 41 NSL-KDD columns in data-set order and format (so the
 * file lines up with KDDTrain+), with {@code --extended} the extended features after them, then the columns
 * that identify the connection in the logs.
 */
public final class FeatureCsvWriter implements Consumer<FeaturedConnection>, Closeable {
    private final Writer out;
    private final CsvLines lines;
    private final FeatureSet set;

    /** @param set {@link FeatureSet#EXTENDED} to write the extended columns, which the extractor must compute */
    public FeatureCsvWriter(Writer out, FeatureSet set) {
        this.out = out;
        this.set = set;
        this.lines = new CsvLines(out, "feature CSV");
        lines.line().append(String.join(",", set.names())).append(',')
                .append(String.join(",", CsvLines.IDENTITY_COLUMNS));
        lines.emit();
    }

    @Override
    public void accept(FeaturedConnection fc) {
        double[] x = set.vector(fc);
        StringBuilder line = lines.line();
        for (int i = 0; i < x.length; i++) {
            line.append(set.format(i, x[i])).append(',');
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
