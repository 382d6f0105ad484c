package org.flowscore.sink;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Consumer;
import org.flowscore.features.FeaturedConnection;
import org.flowscore.features.KddFeatures;
import org.flowscore.features.KddSchema;
import org.flowscore.flow.Connection;

/**
 * Writes {@code flowscore features} output: the 41 NSL-KDD columns in data-set order and format (so the
 * file lines up with KDDTrain+), then the columns that identify the connection in the logs.
 */
public final class FeatureCsvWriter implements Consumer<FeaturedConnection>, Closeable {
    public static final String[] IDENTITY_COLUMNS = {
        "timestamp", "record_id", "community_id", "source_ip", "source_port", "destination_ip", "destination_port"
    };

    private final Writer out;
    private final StringBuilder line = new StringBuilder(512);

    public FeatureCsvWriter(Writer out) {
        this.out = out;
        line.append(String.join(",", KddSchema.NAMES)).append(',').append(String.join(",", IDENTITY_COLUMNS));
        emit();
    }

    @Override
    public void accept(FeaturedConnection fc) {
        KddFeatures f = fc.features();
        for (int i = 0; i < KddSchema.COUNT; i++) {
            line.append(f.format(i)).append(',');
        }
        Connection c = fc.connection();
        line.append(Timestamps.iso(c.startMicros())).append(',')
                .append(Csv.field(c.recordId())).append(',')
                .append(Csv.field(c.communityId())).append(',')
                .append(c.key().sourceIp()).append(',')
                .append(c.key().sourcePort()).append(',')
                .append(c.key().destinationIp()).append(',')
                .append(c.key().destinationPort());
        emit();
    }

    private void emit() {
        line.append('\n');
        try {
            out.append(line);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the feature CSV failed", e);
        }
        line.setLength(0);
    }

    @Override
    public void close() throws IOException {
        out.flush();
        out.close();
    }
}
