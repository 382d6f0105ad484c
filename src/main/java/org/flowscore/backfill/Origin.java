package org.flowscore.backfill;

import org.flowscore.flow.Acknowledgement;

/**
 * Where a written connection came from, and whom to tell once it is stored.
 *
 * @param file      the file it was read from
 * @param endOffset the offset just past its line (in the decompressed content of a gzip file)
 * @param stored    to call once Elasticsearch holds all its documents; {@link Acknowledgement#NONE} when no
 *                  registry tracks the run
 */
public record Origin(BackfillFile file, long endOffset, Acknowledgement stored) {
}
