package org.flowscore.sink;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    private final CsvLines lines = new CsvLines();
    private final FeatureSet set;

    /** @param set {@link FeatureSet#EXTENDED} to write the extended columns, which the extractor must compute */
    public FeatureCsvWriter(Writer out, FeatureSet set) {
        this.out = out;
        this.set = set;
        write(String.join(",", set.names()) + "," + String.join(",", CsvLines.IDENTITY_COLUMNS));
    }

    @Override
    public void accept(FeaturedConnection fc) {
        double[] x = set.vector(fc);
        StringBuilder line = lines.line();
        for (int i = 0; i < x.length; i++) {
            set.append(line, i, x[i]).append(',');
        }
        lines.identity(fc.connection());
        write(lines.take());
    }

    private void write(String line) {
        try {
            out.append(line).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing the feature CSV failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        out.flush();
        out.close();
    }
}
