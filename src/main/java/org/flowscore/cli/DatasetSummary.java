package org.flowscore.cli;

import java.io.PrintWriter;
import java.util.List;
import org.flowscore.features.LabelledDataset;
import org.flowscore.features.LabelledFeatures;

/** What each capture of a training or evaluation data set held, for the summary on stderr. */
final class DatasetSummary {
    private DatasetSummary() {
    }

    /** One line per capture when there are several, or when a capture left connections out as unlabelled. */
    static void perCapture(LabelledDataset dataset, PrintWriter err) {
        List<LabelledDataset.Capture> captures = dataset.captures();
        if (captures.size() < 2 && dataset.unlabelled() == 0) {
            return;
        }
        for (LabelledDataset.Capture c : captures) {
            long attacks = dataset.rows().subList(c.firstRow(), c.endRow()).stream()
                    .filter(LabelledFeatures::isAttack).count();
            err.printf("  %-50s %,9d normal %,9d attack %,9d unlabelled%n", c.name(), c.rowCount() - attacks, attacks,
                    c.unlabelled());
        }
    }
}
