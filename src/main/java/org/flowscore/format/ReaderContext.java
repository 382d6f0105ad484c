package org.flowscore.format;

import org.flowscore.flow.CommunityId;

/**
 * What every reader needs besides the lines.
 *
 * @param sensor      sensor name stamped on each connection
 * @param communityId the Community ID hasher (its seed is configurable)
 */
public record ReaderContext(String sensor, CommunityId communityId) {
    public static final String DEFAULT_SENSOR = "default";

    /** The same settings with a hasher of its own, for a reader on another thread. */
    public ReaderContext forAnotherThread() {
        return new ReaderContext(sensor, communityId.copy());
    }

    public static ReaderContext defaults() {
        return new ReaderContext(DEFAULT_SENSOR, new CommunityId(0));
    }
}
