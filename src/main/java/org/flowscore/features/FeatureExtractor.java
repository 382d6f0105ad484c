package org.flowscore.features;

import java.util.function.Consumer;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.flow.Connection;
import org.flowscore.flow.Direction;
import org.flowscore.flow.LocalNetworks;

/**
 * Turns a stream of connections into their 41 NSL-KDD features and, when asked, the
 * {@link ExtendedSchema extended features}. The same code serves training data, backfill and live tailing,
 * so the same input always gives the same output.
 *
 * <p>Connections go through a {@link ReorderBuffer} into end order (the order Zeek and Suricata write in,
 * and AI-IDS's window order). Each released connection gets its features from the windows as they are
 * <em>before</em> it is added: KDDTrain+ has rows with {@code count = 0}, so the data set excluded the current
 * connection. Then it joins the 2-second {@link TrafficWindow} and the last-N {@link HostWindow}. The extended
 * features come from {@link ExtendedWindows} in the same order, and each connection's direction from its local
 * flags, which the readers set from the log or the site's local networks (the default ranges where a
 * connection has none, as generated ones may not).
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
    private final ExtendedWindows extendedWindows;
    private final ServiceTable services;
    private final KddFlag flags;
    private final Consumer<FeaturedConnection> downstream;
    private final ReorderBuffer reorder;
    private final TrafficWindow traffic;
    private final HostWindow hostWindow;
    /** Every feature is rewritten for each connection; KddFeatures and ExtendedFeatures copy them. */
    private final double[] scratch = new double[KddSchema.COUNT];
    private final double[] extendedScratch = new double[ExtendedSchema.COUNT];
    private long accepted;
    private long emitted;

    /** The 41 features only. */
    public FeatureExtractor(FeatureSettings settings, ServiceTable services,
                            Consumer<FeaturedConnection> downstream) {
        this(settings, null, services, downstream);
    }

    /** @param extended settings of the extended features, or null to compute only the 41 */
    public FeatureExtractor(FeatureSettings settings, ExtendedSettings extended, ServiceTable services,
                            Consumer<FeaturedConnection> downstream) {
        if (settings == null || services == null || downstream == null) {
            throw new IllegalArgumentException("a feature extractor needs settings, a service table and a downstream");
        }
        this.settings = settings;
        this.extendedWindows = extended == null ? null : new ExtendedWindows(extended);
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

    /** A connection nobody waits to hear about (batch runs without checkpoints). */
    @Override
    public void accept(Connection connection) {
        accept(connection, Acknowledgement.NONE);
    }

    /** A connection to emit, with the handle its source wants called once the outputs stored it. */
    public void accept(Connection connection, Acknowledgement ack) {
        offer(connection, ack);
    }

    /**
     * A connection that only feeds the windows: read again for them (a file before its checkpoint, a stretch
     * before a time range), never emitted.
     */
    public void warmUp(Connection connection) {
        offer(connection, null);
    }

    private void offer(Connection connection, Acknowledgement ack) {
        int service = services.index(connection, settings.privatePortMax());
        reorder.offer(new WindowEntry(accepted++, connection, ack, service, flags.index(connection)));
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
        boolean origLocal = LocalNetworks.defaults().origIsLocal(e.connection);
        boolean respLocal = LocalNetworks.defaults().respIsLocal(e.connection);
        ExtendedFeatures extended = null;
        if (extendedWindows != null) {
            extendedWindows.write(e, origLocal, respLocal, extendedScratch);
            extended = new ExtendedFeatures(extendedScratch);
        }
        if (e.ack == null) {
            return;
        }
        emitted++;
        downstream.accept(new FeaturedConnection(e.connection, Direction.of(origLocal, respLocal),
                new KddFeatures(scratch), extended, e.ack));
    }

    /** Connections the extended windows remember, for tests of their memory bound; 0 without them. */
    long extendedEventsHeld() {
        return extendedWindows == null ? 0 : extendedWindows.eventsHeld();
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
