package org.flowscore.cli;

import java.nio.file.Path;

/** Where a corpus recipe's capture paths are found. */
final class CorpusOptions {
    private CorpusOptions() {
    }

    /** {@code $FLOWSCORE_SHARED_DATA}, else {@code ../shared/data} (beside the checkout, as in CI). */
    static Path defaultSharedData() {
        String configured = System.getenv("FLOWSCORE_SHARED_DATA");
        return configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "shared", "data");
    }
}
