package org.flowscore.cli;

import java.io.OutputStream;
import org.flowscore.model.Model;
import org.flowscore.sink.FileOutput;
import org.flowscore.sink.FlowOutput;

/** {@code --output-format}: how scored flows are written to a file or standard output. */
enum OutputFormat {
    ndjson, csv;

    /** A file output of this format for flows scored by {@code model}. */
    FlowOutput output(OutputStream out, Model model) {
        return switch (this) {
            case csv -> FileOutput.csv(out, model.featureSet());
            case ndjson -> FileOutput.ndjson(out);
        };
    }
}
