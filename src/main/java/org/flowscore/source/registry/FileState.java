package org.flowscore.source.registry;

import java.util.Locale;

/** Where reading a file stands. */
public enum FileState {
    /** Being read, or waiting at its end for more lines. */
    READING,
    /** Read to its end and every record acknowledged: a finished (e.g. backfilled) file that will not grow. */
    DONE,
    /** Renamed or deleted away from the path being followed, after it was read to its end. */
    ROTATED;

    /** The name in the registry file and in status output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static FileState ofLabel(String label) {
        for (FileState s : values()) {
            if (s.label().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown state '" + label + "' (reading, done or rotated)");
    }
}
