package org.flowscore.backfill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.Consumer;
import org.flowscore.features.FeatureSet;
import org.flowscore.sink.ScoredCsvWriter;
import org.flowscore.sink.es.EsSink;

/**
 * Where written flows go, byte for byte what {@code flowscore score} writes for the same flows: the
 * documents were rendered by the scoring workers with the same {@code EcsDocuments}.
 */
public final class FlowOutputs {
    private FlowOutputs() {
    }

    /** One ECS document per line (needs {@link Rendering#events()}). */
    public static Consumer<RenderedFlow> ndjson(Writer out) {
        return flow -> {
            try {
                out.append(flow.event()).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException("writing NDJSON failed", e);
            }
        };
    }

    /** A header, then one row per flow, as {@code score --output-format csv}. */
    public static Consumer<RenderedFlow> csv(Writer out, FeatureSet set) {
        ScoredCsvWriter csv = new ScoredCsvWriter(out, set);
        return flow -> csv.accept(flow.flow());
    }

    /**
     * Every flow into the flow stream, flagged ones into the alert stream (needs both renderings); the
     * flow's checkpoint is acknowledged once Elasticsearch stored both.
     */
    public static Consumer<RenderedFlow> elasticsearch(EsSink sink) {
        return flow -> sink.accept(flow.id(), flow.event(), flow.alert(), flow.origin().stored());
    }
}
