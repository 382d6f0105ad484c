package org.flowscore.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the shared real-data folder ({@code ../shared/data} beside the checkout, as in CI). A test that
 * needs it fails with a clear message when it is missing rather than passing vacuously.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        String configured = System.getProperty("flowscore.shared.data", System.getenv("FLOWSCORE_SHARED_DATA"));
        Path root = configured != null ? Path.of(configured) : Path.of("..", "shared", "data");
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("shared test data not found at " + root.toAbsolutePath()
                    + ": check out the project beside shared/ or set FLOWSCORE_SHARED_DATA");
        }
        return root;
    }

    public static Path require(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("shared test data file missing: " + p.toAbsolutePath());
        }
        return p;
    }
}
