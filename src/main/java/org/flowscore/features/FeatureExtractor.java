package org.flowscore.features;

import java.util.function.Consumer;
import org.flowscore.flow.Connection;

/**
 * Turns a stream of connections into their 41 NSL-KDD features. The same code serves training data,
 * backfill and live tailing, so the same input always gives the same output.
 *
 * <p>Connections go through a {@link ReorderBuffer} into end order (the order Zeek and Suricata write in,
 * and AI-IDS's window order). Each released connection gets its features from the windows as they are
 * <em>before</em> it is added: KDDTrain+ has rows with {@code count = 0}, so the data set excluded the current
 * connection. Then it joins the 2-second {@link TrafficWindow} and the last-N {@link HostWindow}.
 *
 * <p>Not thread-safe: one extractor per stream. Per connection it allocates the window entry and the output.
 */
public final class FeatureExtractor implements Consumer<Connection> {

    /**
     * @param accepted  connections given to {@link #accept}
     * @param emitted   connections handed downstream
     * @param late      connections that arrived after later ones had been released, processed out of order
     * @param forcedOut connections released early because the reorder buffer was full
     * @param buffered  connections waiting in the reorder buffer
     */
    public record Stats(long accepted, long emitted, long late, long forcedOut, int buffered) {
    }

    private final FeatureSettings settings;
    private final ServiceTable services;
    private final KddFlag flags;
    private final Consumer<FeaturedConnection> downstream;
    private final ReorderBuffer reorder;
    private final TrafficWindow traffic;
    private final HostWindow hostWindow;
    /** Every feature is rewritten for each connection; KddFeatures copies it. */
    private final double[] scratch = new double[KddSchema.COUNT];
    private long accepted;
    private long emitted;

    public FeatureExtractor(FeatureSettings settings, ServiceTable services,
                            Consumer<FeaturedConnection> downstream) {
        if (settings == null || services == null || downstream == null) {
            throw new IllegalArgumentException("a feature extractor needs settings, a service table and a downstream");
        }
        this.settings = settings;
        this.services = services;
        this.flags = new KddFlag(settings.nonTcpAsSf());
        this.downstream = downstream;
        this.reorder = new ReorderBuffer(settings.maxLatenessMicros(), settings.reorderCapacity(), this::process);
        this.traffic = new TrafficWindow(settings.trafficWindowMicros());
        this.hostWindow = new HostWindow(settings.hostWindowSize());
    }

    public FeatureSettings settings() {
        return settings;
    }

    @Override
    public void accept(Connection connection) {
        int service = services.index(connection, settings.privatePortMax());
        reorder.offer(new WindowEntry(accepted++, connection, service, flags.index(connection)));
    }

    /** End of input: releases every buffered connection in end order. */
    public void flush() {
        reorder.drain();
    }

    public Stats stats() {
        return new Stats(accepted, emitted, reorder.late(), reorder.forcedOut(), reorder.waiting());
    }

    private void process(WindowEntry e) {
        ConnectionFeatures.write(e, scratch);
        traffic.features(e, scratch);
        hostWindow.features(e, scratch);
        traffic.add(e);
        hostWindow.add(e);
        emitted++;
        downstream.accept(new FeaturedConnection(e.connection, new KddFeatures(scratch)));
    }

    int trafficWindowSize() {
        return traffic.size();
    }

    int trafficWindowHosts() {
        return traffic.hosts();
    }

    int hostWindowHosts() {
        return hostWindow.hosts();
    }
}
