package org.flowscore.backfill;

import org.flowscore.flow.Connection;
import org.flowscore.read.ReadStats;

/**
 * A run of consecutive connections of one file, with the offset just past each one's line. The last chunk
 * of a file carries the file's read statistics, or the failure that stopped reading it.
 */
record Chunk(BackfillFile file, Connection[] connections, long[] endOffsets, int size, ReadStats stats,
             Exception failure) {

    boolean last() {
        return stats != null || failure != null;
    }
}
