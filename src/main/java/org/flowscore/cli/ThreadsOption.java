package org.flowscore.cli;

import picocli.CommandLine.Option;

/** {@code --threads}: how many cores a run may use. */
final class ThreadsOption {
    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that decompress and parse files (one file each at a time) and that score and"
                    + " render flows; the feature windows and the output stay one stream in order, so every"
                    + " output byte is the same for any number (default: the processor count, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    /** The number given, checked. */
    int count() {
        if (threads < 1) {
            throw new UserFacingException("--threads must be at least 1, got " + threads);
        }
        return threads;
    }
}
