package org.flowscore.features;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flowscore.flow.Connection;
import org.flowscore.flow.IpAddresses;
import org.flowscore.flow.Transport;

/**
 * Computes the {@link ExtendedSchema extended features} of each connection, in the extractor's window order,
 * from the connection itself and from what its originator, its responder and its channel did before:
 *
 * <ul>
 * <li>per originator over the behaviour window: connections, distinct responders, distinct responder ports
 *     overall and on this responder (scans and sweeps), the failed share of its TCP connections and the
 *     unanswered share of its unicast ones;</li>
 * <li>per responder over the same window: connections and distinct originators (floods, many-to-one);</li>
 * <li>per channel over the channel window: connections, and the dispersion of intervals and sizes
 *     (beacons, brute force), and its failed share (a bot retrying a dead command server).</li>
 * </ul>
 *
 * <p>Every window counts the current connection in. Memory is bounded: each host keeps at most
 * {@link ExtendedSettings#hostEvents()} connections and each channel {@link ExtendedSettings#channelEvents()};
 * beyond the event budget (a quarter each for originators and responders, half for channels) the least
 * recently active are forgotten. All of it is a function of the connections in window order, so score,
 * backfill and tail give the same values.
 */
final class ExtendedWindows {

    /** A channel: originator, responder, responder port and transport. */
    private record ChannelKey(String source, String destination, int port, Transport transport) {
    }

    private final ExtendedSettings settings;
    private final Tracked<String, HostActivity> sources;
    private final Tracked<String, HostActivity> destinations;
    private final Tracked<ChannelKey, ChannelHistory> channels;
    private final long[] scratch = new long[ExtendedSettings.DISPERSION_SPAN];

    ExtendedWindows(ExtendedSettings settings) {
        this.settings = settings;
        this.sources = new Tracked<>(settings.eventBudget() / 4);
        this.destinations = new Tracked<>(settings.eventBudget() / 4);
        this.channels = new Tracked<>(settings.eventBudget() / 2);
    }

    /**
     * Writes the extended features of {@code e} into {@code out} and adds it to the windows.
     *
     * @param origLocal whether the originator is local
     * @param respLocal whether the responder is local
     */
    void write(WindowEntry e, boolean origLocal, boolean respLocal, double[] out) {
        Connection c = e.connection;
        Transport transport = c.transport();
        boolean tcp = transport == Transport.TCP;
        boolean hasPorts = tcp || transport == Transport.UDP || transport == Transport.SCTP;
        String history = c.history();
        boolean handshake = tcp && TcpHistory.handshake(history, c.connState());
        boolean dataBothWays = c.orig().payloadBytes() > 0 && c.resp().payloadBytes() > 0;
        boolean answered = c.resp().packets() > 0 || c.resp().payloadBytes() > 0;
        boolean multicast = IpAddresses.isMulticastOrBroadcast(c.key().destinationIp());
        boolean failed = tcp ? !handshake && !dataBothWays : !answered && !multicast;

        out[ExtendedSchema.ORIG_PKTS] = c.orig().packets();
        out[ExtendedSchema.RESP_PKTS] = c.resp().packets();
        out[ExtendedSchema.ORIG_IP_BYTES] = c.orig().ipBytes();
        out[ExtendedSchema.RESP_IP_BYTES] = c.resp().ipBytes();
        out[ExtendedSchema.EXACT_DURATION] = c.durationMicros() / 1e6;
        out[ExtendedSchema.ANSWERED] = answered ? 1 : 0;
        out[ExtendedSchema.HANDSHAKE] = handshake ? 1 : 0;
        out[ExtendedSchema.DATA_BOTH_WAYS] = dataBothWays ? 1 : 0;
        out[ExtendedSchema.ORIG_RESET] = tcp && TcpHistory.origReset(history, c.connState()) ? 1 : 0;
        out[ExtendedSchema.RESP_RESET] = tcp && TcpHistory.respReset(history, c.connState()) ? 1 : 0;
        out[ExtendedSchema.ORIG_LOCAL] = origLocal ? 1 : 0;
        out[ExtendedSchema.RESP_LOCAL] = respLocal ? 1 : 0;
        out[ExtendedSchema.RESP_MULTICAST] = multicast ? 1 : 0;
        out[ExtendedSchema.DST_PORT_CLASS] = ExtendedSchema.portClass(hasPorts, c.key().destinationPort());
        out[ExtendedSchema.SRC_PORT_CLASS] = ExtendedSchema.portClass(hasPorts, c.key().sourcePort());

        byte flags = (byte) ((tcp ? HostActivity.TCP : 0) | (failed ? HostActivity.FAILED : 0)
                | (multicast ? 0 : HostActivity.UNICAST) | (answered ? 0 : HostActivity.UNANSWERED));
        long behaviourCutoff = e.end - settings.behaviourWindowMicros();
        int port = c.key().destinationPort();

        HostActivity source = sources.get(e.sourceHost, () -> new HostActivity(true));
        sources.changed(-source.expire(behaviourCutoff) + source.add(e.end, e.host, port, flags,
                settings.hostEvents()));
        out[ExtendedSchema.SRC_CONNS] = source.connections();
        out[ExtendedSchema.SRC_DISTINCT_DSTS] = source.distinctPeers();
        out[ExtendedSchema.SRC_DISTINCT_PORTS] = source.distinctPorts();
        out[ExtendedSchema.SRC_PORTS_ON_DST] = source.portsOn(e.host);
        out[ExtendedSchema.SRC_FAILED_SHARE] = source.failedShare();
        out[ExtendedSchema.SRC_UNANSWERED_SHARE] = source.unansweredShare();

        HostActivity destination = destinations.get(e.host, () -> new HostActivity(false));
        destinations.changed(-destination.expire(behaviourCutoff) + destination.add(e.end, e.sourceHost, port, flags,
                settings.hostEvents()));
        out[ExtendedSchema.DST_CONNS] = destination.connections();
        out[ExtendedSchema.DST_DISTINCT_SRCS] = destination.distinctPeers();

        ChannelHistory channel = channels.get(new ChannelKey(e.sourceHost, e.host, hasPorts ? port : 0, transport),
                ChannelHistory::new);
        long sent = c.orig().ipBytes() > 0 ? c.orig().ipBytes() : c.orig().payloadBytes();
        channels.changed(-channel.expire(e.end - settings.channelWindowMicros())
                + channel.add(c.startMicros(), e.end, sent, failed, settings.channelEvents()));
        out[ExtendedSchema.CHAN_CONNS] = channel.connections();
        out[ExtendedSchema.CHAN_INTERVAL_DISPERSION] = channel.intervalDispersion(ExtendedSettings.DISPERSION_SPAN,
                scratch);
        out[ExtendedSchema.CHAN_SIZE_DISPERSION] = channel.sizeDispersion(ExtendedSettings.DISPERSION_SPAN, scratch);
        out[ExtendedSchema.CHAN_FAILED_SHARE] = channel.failedShare();

        sources.evictBeyondBudget(HostActivity::connections);
        destinations.evictBeyondBudget(HostActivity::connections);
        channels.evictBeyondBudget(ChannelHistory::connections);
    }

    /** Connections remembered over all hosts and channels, for tests of the memory bound. */
    long eventsHeld() {
        return sources.events + destinations.events + channels.events;
    }

    /** Hosts or channels in least-recently-used order, with the connections they hold. */
    private static final class Tracked<K, V> {
        private final LinkedHashMap<K, V> byKey = new LinkedHashMap<>(1024, 0.75f, true);
        private final long budget;
        private long events;

        Tracked(long budget) {
            this.budget = budget;
        }

        V get(K key, java.util.function.Supplier<V> create) {
            V v = byKey.get(key);
            if (v == null) {
                v = create.get();
                byKey.put(key, v);
            }
            return v;
        }

        void changed(int delta) {
            events += delta;
        }

        void evictBeyondBudget(java.util.function.ToIntFunction<V> held) {
            Iterator<Map.Entry<K, V>> eldest = byKey.entrySet().iterator();
            while (events > budget && eldest.hasNext()) {
                events -= held.applyAsInt(eldest.next().getValue());
                eldest.remove();
            }
        }
    }
}
