package org.flowscore.backfill;

import org.flowscore.source.ArchiveSpan;
import org.flowscore.source.InputFile;

/**
 * One file of the history, placed in time.
 *
 * @param input      the file
 * @param span       the interval its archive name tells, or null
 * @param startMicros where it sorts: the span's start, else its first connection's end (Long.MAX_VALUE
 *                   when it holds none)
 * @param bytes      its size on disk, for progress
 * @param role       what the run does with it
 */
public record BackfillFile(InputFile input, ArchiveSpan span, long startMicros, long bytes, Role role) {

    /** What a run does with a file. */
    public enum Role {
        /** Read, and its connections in the range that were not delivered before are written. */
        READ,
        /** Read only so that the feature windows hold the connections before the next file's. */
        WARM_UP,
        /** Not read: outside the range, or delivered completely by an earlier run. */
        SKIP
    }

    BackfillFile withRole(Role newRole) {
        return new BackfillFile(input, span, startMicros, bytes, newRole);
    }

    public String displayName() {
        return input.displayName();
    }
}
