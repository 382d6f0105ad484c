package org.flowscore.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Consumer;
import org.flowscore.model.ScoredFlow;

/** {@code score --output-format ndjson}: one ECS document per line, as it would be indexed. */
public final class NdjsonWriter implements Consumer<ScoredFlow> {
    private final Writer out;
    private final EcsDocuments documents;

    public NdjsonWriter(Writer out, EcsDocuments documents) {
        this.out = out;
        this.documents = documents;
    }

    @Override
    public void accept(ScoredFlow flow) {
        try {
            out.append(documents.json(flow, "event")).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing NDJSON failed", e);
        }
    }
}
