package org.flowscore.read;

import org.flowscore.flow.Connection;
import org.flowscore.source.InputException;

/**
 * A run of consecutive connections of one file (its index in the reader's list), with the offset just past
 * each one's line. The last chunk of a file carries the file's read statistics, or the failure that stopped
 * reading it.
 */
public record Chunk(int file, Connection[] connections, long[] endOffsets, int size, ReadStats stats,
             Exception failure) {

    public boolean last() {
        return stats != null || failure != null;
    }

    /** The reader's failure as what reading throws: an input or bad-line failure as is, anything else wrapped. */
    public static RuntimeException rethrow(Exception failure) throws InputException, BadLineException {
        switch (failure) {
            case InputException e -> throw e;
            case BadLineException e -> throw e;
            case RuntimeException e -> throw e;
            default -> {
                return new IllegalStateException(failure.getMessage(), failure);
            }
        }
    }
}
