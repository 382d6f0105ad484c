package org.flowscore.features;

/**
 * Settings of the feature extractor. They change feature values, so a model must be scored with the
 * settings it was trained with; the model bundle records them.
 *
 * @param trafficWindowMicros length of the time window of {@code count} … {@code srv_diff_host_rate}: a
 *                            connection ending at {@code t} sees those ending in {@code (t − window, t]}
 * @param hostWindowSize      connections in the {@code dst_host_*} window (the last N overall)
 * @param maxLatenessMicros   how far behind the latest end seen a connection may arrive and still be put
 *                            in end order; later ones are processed at once and counted as late
 * @param reorderCapacity     connections the reorder buffer holds before it releases the earliest early
 * @param privatePortMax      unlisted responder ports up to this one are {@code private}, higher ones
 *                            {@code other}; -1 makes every unlisted port {@code other}
 * @param nonTcpAsSf          give every non-TCP connection the flag {@code SF}, as KDD does
 */
public record FeatureSettings(long trafficWindowMicros, int hostWindowSize, long maxLatenessMicros,
                              int reorderCapacity, int privatePortMax, boolean nonTcpAsSf) {

    public static final long DEFAULT_TRAFFIC_WINDOW_MICROS = 2_000_000;
    public static final int DEFAULT_HOST_WINDOW_SIZE = 100;
    /**
     * Half a second: a live line must be scored and searchable within about two seconds, and a connection
     * waits here until the stream's latest end passes its own end by this much. Zeek writes UDP and ICMP
     * connections only when their 60-second inactivity timeout expires, so those arrive late and are
     * windowed out of order (on rita-missing-host, 14,302 of 70,440, against 114 with a 65-second hold;
     * 0.89 % of the shipped model's labels differ between the two). A model trained with a longer
     * {@code --max-lateness} carries it, and backfill and tail then use it.
     */
    public static final long DEFAULT_MAX_LATENESS_MICROS = 500_000;
    public static final int DEFAULT_REORDER_CAPACITY = 65_536;
    public static final int DEFAULT_PRIVATE_PORT_MAX = 1023;

    /** Keeps a typo from turning into gigabytes of window state. */
    private static final int MAX_WINDOW_OR_BUFFER = 1 << 24;

    public FeatureSettings {
        if (trafficWindowMicros <= 0) {
            throw new IllegalArgumentException("traffic window must be positive, got " + trafficWindowMicros + " µs");
        }
        if (hostWindowSize < 1 || hostWindowSize > MAX_WINDOW_OR_BUFFER) {
            throw new IllegalArgumentException("host window size must be 1-" + MAX_WINDOW_OR_BUFFER
                    + " connections, got " + hostWindowSize);
        }
        if (maxLatenessMicros < 0) {
            throw new IllegalArgumentException("max lateness must be 0 or more, got " + maxLatenessMicros + " µs");
        }
        if (reorderCapacity < 1 || reorderCapacity > MAX_WINDOW_OR_BUFFER) {
            throw new IllegalArgumentException("reorder capacity must be 1-" + MAX_WINDOW_OR_BUFFER
                    + " connections, got " + reorderCapacity);
        }
        if (privatePortMax < -1 || privatePortMax > 65535) {
            throw new IllegalArgumentException("privatePortMax must be -1 (never private) to 65535, got "
                    + privatePortMax);
        }
    }

    public static FeatureSettings defaults() {
        return new FeatureSettings(DEFAULT_TRAFFIC_WINDOW_MICROS, DEFAULT_HOST_WINDOW_SIZE,
                DEFAULT_MAX_LATENESS_MICROS, DEFAULT_REORDER_CAPACITY, DEFAULT_PRIVATE_PORT_MAX, true);
    }

    public FeatureSettings withTrafficWindowMicros(long micros) {
        return new FeatureSettings(micros, hostWindowSize, maxLatenessMicros, reorderCapacity, privatePortMax,
                nonTcpAsSf);
    }

    public FeatureSettings withHostWindowSize(int size) {
        return new FeatureSettings(trafficWindowMicros, size, maxLatenessMicros, reorderCapacity, privatePortMax,
                nonTcpAsSf);
    }

    public FeatureSettings withMaxLatenessMicros(long micros) {
        return new FeatureSettings(trafficWindowMicros, hostWindowSize, micros, reorderCapacity, privatePortMax,
                nonTcpAsSf);
    }

    public FeatureSettings withReorderCapacity(int capacity) {
        return new FeatureSettings(trafficWindowMicros, hostWindowSize, maxLatenessMicros, capacity, privatePortMax,
                nonTcpAsSf);
    }

    public FeatureSettings withPrivatePortMax(int port) {
        return new FeatureSettings(trafficWindowMicros, hostWindowSize, maxLatenessMicros, reorderCapacity, port,
                nonTcpAsSf);
    }

    public FeatureSettings withNonTcpAsSf(boolean sf) {
        return new FeatureSettings(trafficWindowMicros, hostWindowSize, maxLatenessMicros, reorderCapacity,
                privatePortMax, sf);
    }
}
