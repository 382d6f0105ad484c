package org.flowscore.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.flowscore.features.FeatureSet;
import org.flowscore.flow.Acknowledgement;

/**
 * Flows into a file, one line each: their ECS documents (NDJSON, as they would be indexed) or their CSV rows
 * under a header. A flow is acknowledged when the file was flushed after it, so a registry never moves past
 * a line that is still only in a buffer. Written as bytes: documents come rendered as UTF-8, and a buffered
 * stream under this output is all it needs.
 */
public final class FileOutput implements FlowOutput {
    private final OutputStream out;
    private final boolean csv;
    private final List<Acknowledgement> unflushed = new ArrayList<>();

    private FileOutput(OutputStream out, boolean csv) {
        this.out = out;
        this.csv = csv;
    }

    /** One ECS document per line. */
    public static FileOutput ndjson(OutputStream out) {
        return new FileOutput(out, false);
    }

    /** A header, then one row per flow with the features of {@code set} (the model's). */
    public static FileOutput csv(OutputStream out, FeatureSet set) {
        FileOutput output = new FileOutput(out, true);
        output.line(ScoredCsv.header(set).getBytes(StandardCharsets.UTF_8));
        return output;
    }

    @Override
    public Renditions needs() {
        return csv ? new Renditions(false, false, true) : new Renditions(true, false, false);
    }

    @Override
    public void write(RenderedFlow flow, Acknowledgement stored) {
        line(csv ? flow.csv().getBytes(StandardCharsets.UTF_8) : flow.event());
        if (stored != Acknowledgement.NONE) {
            unflushed.add(stored);
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
        unflushed.forEach(Acknowledgement::acknowledged);
        unflushed.clear();
    }

    @Override
    public void finish() throws IOException {
        flush();
    }

    private void line(byte[] text) {
        try {
            out.write(text);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing the " + (csv ? "CSV" : "NDJSON") + " output failed", e);
        }
    }
}
