package org.flowscore.flow;

import java.util.Locale;

/**
 * Which way a connection crosses the site's edge, from the locality of its two ends: ECS
 * {@code network.direction}, as Elastic's Zeek integration derives it from {@code local_orig} and
 * {@code local_resp}.
 */
public enum Direction {
    /** From outside to a local host. */
    INBOUND,
    /** From a local host to outside. */
    OUTBOUND,
    /** Between two local hosts. */
    INTERNAL,
    /** Between two outside hosts (a sensor seeing transit traffic, or local nets not configured). */
    EXTERNAL;

    public static Direction of(boolean localOrig, boolean localResp) {
        if (localOrig) {
            return localResp ? INTERNAL : OUTBOUND;
        }
        return localResp ? INBOUND : EXTERNAL;
    }

    /** The ECS value: {@code inbound}, {@code outbound}, {@code internal}, {@code external}. */
    public String ecsName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
