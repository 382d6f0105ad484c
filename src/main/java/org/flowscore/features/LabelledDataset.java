package org.flowscore.features;

import java.util.List;

/**
 * Feature rows for training or evaluation, grouped by the capture they came from, with what was left out.
 *
 * @param featureSet the features each row carries (extended rows also carry the 41)
 * @param rows       one row per labelled connection (or NSL-KDD row), captures one after the other; label
 *                   {@code normal} or an attack name (NSL-KDD's attack, or a log's detailed label)
 * @param captures   where each capture's rows are, and what it held besides
 * @param labelled   false when the rows came from logs without labels (all rows then read {@code normal}:
 *                   the site's own traffic, taken as normal by an unsupervised model)
 * @param sha256     SHA-256 over the bytes of every source file, in order: identifies the training data
 * @param sources    the inputs read, as given
 */
public record LabelledDataset(FeatureSet featureSet, List<LabelledFeatures> rows, List<Capture> captures,
                              boolean labelled, String sha256, List<String> sources) {

    /**
     * One capture: a network's traffic over a stretch of time, read as one stream (its own feature windows).
     *
     * @param name       as given (a file, folder or glob), or the name of generated traffic
     * @param firstRow   index of its first row in {@link #rows()}
     * @param rowCount   its labelled rows
     * @param unlabelled its connections labelled {@code Background}, {@code Unknown}, {@code -} or nothing in a
     *                   labelled log: read and windowed, but neither trained on nor measured
     * @param spanMicros from its first connection's start to its last one's end (0 for NSL-KDD files)
     */
    public record Capture(String name, int firstRow, int rowCount, long unlabelled, long spanMicros) {

        public int endRow() {
            return firstRow + rowCount;
        }
    }

    public LabelledDataset {
        rows = List.copyOf(rows);
        captures = List.copyOf(captures);
        sources = List.copyOf(sources);
    }

    /** Rows that form one capture, as tests and NSL-KDD files make them. */
    public static LabelledDataset of(FeatureSet set, List<LabelledFeatures> rows, boolean labelled, String sha256,
                                     List<String> sources) {
        return new LabelledDataset(set, rows, List.of(new Capture(String.join(" ", sources), 0, rows.size(), 0, 0)),
                labelled, sha256, sources);
    }

    public long attacks() {
        return rows.stream().filter(LabelledFeatures::isAttack).count();
    }

    public long normals() {
        return rows.size() - attacks();
    }

    /** Connections left out as unlabelled, over all captures. */
    public long unlabelled() {
        return captures.stream().mapToLong(Capture::unlabelled).sum();
    }

    /** For each row, the index of its capture in {@link #captures()}. */
    public int[] captureOfRows() {
        int[] of = new int[rows.size()];
        for (int c = 0; c < captures.size(); c++) {
            Capture capture = captures.get(c);
            java.util.Arrays.fill(of, capture.firstRow(), capture.endRow(), c);
        }
        return of;
    }
}
