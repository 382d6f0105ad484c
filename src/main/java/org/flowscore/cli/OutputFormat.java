package org.flowscore.cli;

import java.io.Writer;
import java.util.function.Consumer;
import org.flowscore.backfill.FlowOutputs;
import org.flowscore.backfill.RenderedFlow;
import org.flowscore.model.Model;
import org.flowscore.model.ScoredFlow;
import org.flowscore.sink.EcsDocuments;
import org.flowscore.sink.NdjsonWriter;
import org.flowscore.sink.ScoredCsvWriter;

/** {@code --output-format}: how scored flows are written to a file or standard output. */
enum OutputFormat {
    ndjson, csv;

    /** A writer of this format for flows scored by {@code model} against {@code threshold}. */
    Consumer<ScoredFlow> writer(Writer out, Model model, double threshold) {
        return switch (this) {
            case csv -> new ScoredCsvWriter(out, model.featureSet());
            case ndjson -> new NdjsonWriter(out, new EcsDocuments(model.info(), threshold));
        };
    }

    /** A writer of this format for flows the backfill workers already rendered, scored by {@code model}. */
    Consumer<RenderedFlow> renderedWriter(Writer out, Model model) {
        return switch (this) {
            case csv -> FlowOutputs.csv(out, model.featureSet());
            case ndjson -> FlowOutputs.ndjson(out);
        };
    }
}
