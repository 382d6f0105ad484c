package org.flowscore.capture.flowtable;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.flowscore.flow.Connection;

/**
 * Assembles packets into connections the way Zeek writes conn.log, and hands each one on when it ends: after
 * the close delay once both sides closed or one reset, after the inactivity timeout of its transport, when
 * the table is full (the longest-idle connection goes first, counted in {@link #evicted()}), or at
 * {@link #flush()}. Time is packet time, so a pcap replays exactly as it was captured. Single thread.
 */
public final class FlowTable {
    private final FlowTimeouts timeouts;
    private final ConnectionRecords records;
    private final Consumer<Connection> downstream;
    private final Map<FlowTuple, TrackedConnection> tracked = new HashMap<>();
    /**
     * One queue per way of expiring, each in expiry order: the inactivity queues are access-ordered (least
     * recently active first); the close queues keep the order connections closed in, as their delay is fixed.
     */
    private final Map<Expiry, LinkedHashMap<FlowTuple, TrackedConnection>> queues = new EnumMap<>(Expiry.class);
    private long nowMicros = Long.MIN_VALUE;
    private long emitted;
    private long evicted;

    private enum Expiry { CLOSED, HALF_CLOSED, TCP, UDP, OTHER }

    public FlowTable(FlowTimeouts timeouts, ConnectionRecords records, Consumer<Connection> downstream) {
        this.timeouts = timeouts;
        this.records = records;
        this.downstream = downstream;
        for (Expiry e : Expiry.values()) {
            boolean byActivity = e != Expiry.CLOSED && e != Expiry.HALF_CLOSED;
            queues.put(e, new LinkedHashMap<>(16, 0.75f, byActivity));
        }
    }

    public void accept(PacketInfo p) {
        advanceTo(p.tsMicros());
        // Named before this packet can evict anything: the carrying connection is then still tracked.
        String parent = p.carrier() == null ? null : tunnelId(p.carrier());
        int sourcePort = p.sourcePort();
        int destPort = keyDestPort(p);
        FlowTuple tuple = FlowTuple.of(p.source(), sourcePort, p.destination(), destPort, p.ipProto());
        TrackedConnection c = tracked.get(tuple);
        if (c != null && c.reusedBy(p)) {
            finish(c);
            c = null;
        }
        if (c == null) {
            if (tracked.size() >= timeouts.maxConnections()) {
                evictOne();
            }
            c = TrackedConnection.open(tuple, p, sourcePort, destPort);
            tracked.put(tuple, c);
            queues.get(expiry(c)).put(tuple, c);
        } else {
            // An access-ordered get moves the connection to the end of its inactivity queue.
            queues.get(expiry(c)).get(tuple);
        }
        Expiry before = expiry(c);
        c.add(p);
        if (parent != null) {
            c.tunnelParents.add(parent);
        }
        Expiry after = expiry(c);
        if (after != before) {
            queues.get(before).remove(tuple);
            queues.get(after).put(tuple, c);
        }
    }

    /** ICMP is keyed by (type, counterpart type) so a request and its reply meet; see {@link IcmpTypes}. */
    private static int keyDestPort(PacketInfo p) {
        if (p.ipProto() == 1 || p.ipProto() == 58) {
            int counterpart = IcmpTypes.counterpart(p.ipProto(), p.sourcePort());
            return counterpart >= 0 ? counterpart : p.destPort();
        }
        return p.destPort();
    }

    /**
     * The id of the tunnel a packet came out of: the UDP connection that carried it, which this table took
     * just before, or the IP tunnel's own id.
     */
    private String tunnelId(Carrier carrier) {
        return switch (carrier) {
            case Carrier.UdpTunnel udp -> {
                PacketInfo outer = udp.outer();
                TrackedConnection carrying = tracked.get(FlowTuple.of(outer.source(), outer.sourcePort(),
                        outer.destination(), keyDestPort(outer), outer.ipProto()));
                yield carrying == null ? records.ipTunnelId(outer.source(), outer.destination(), outer.ipProto())
                        : records.recordId(carrying);
            }
            case Carrier.IpTunnel ip -> records.ipTunnelId(ip.source(), ip.destination(), ip.ipProto());
        };
    }

    /** Moves the clock without a packet (a quiet live interface), letting idle connections time out. */
    public void advanceTo(long micros) {
        nowMicros = Math.max(nowMicros, micros);
        for (Expiry e : Expiry.values()) {
            LinkedHashMap<FlowTuple, TrackedConnection> queue = queues.get(e);
            long wait = micros(delay(e));
            while (!queue.isEmpty()) {
                TrackedConnection head = queue.firstEntry().getValue();
                long since = e == Expiry.CLOSED || e == Expiry.HALF_CLOSED ? head.endingSinceMicros : head.lastMicros;
                if (nowMicros - since <= wait) {
                    break;
                }
                finish(head);
            }
        }
    }

    /** Emits every connection still tracked: the end of a capture. The clock starts again with the next packet. */
    public void flush() {
        for (Expiry e : Expiry.values()) {
            for (TrackedConnection c : queues.get(e).values().toArray(TrackedConnection[]::new)) {
                finish(c);
            }
        }
        nowMicros = Long.MIN_VALUE;
    }

    /** Packet time as far as the table has seen it. */
    public long clock() {
        return nowMicros;
    }

    public long emitted() {
        return emitted;
    }

    /** Connections emitted early because the table was full. */
    public long evicted() {
        return evicted;
    }

    public int tracked() {
        return tracked.size();
    }

    private void evictOne() {
        TrackedConnection oldest = null;
        for (LinkedHashMap<FlowTuple, TrackedConnection> queue : queues.values()) {
            if (!queue.isEmpty()) {
                TrackedConnection head = queue.firstEntry().getValue();
                if (oldest == null || head.lastMicros < oldest.lastMicros) {
                    oldest = head;
                }
            }
        }
        if (oldest != null) {
            finish(oldest);
            evicted++;
        }
    }

    private void finish(TrackedConnection c) {
        tracked.remove(c.tuple);
        queues.get(expiry(c)).remove(c.tuple);
        emitted++;
        downstream.accept(records.toConnection(c));
    }

    private Duration delay(Expiry e) {
        return switch (e) {
            case CLOSED -> timeouts.closeDelay();
            case HALF_CLOSED -> timeouts.partialCloseDelay();
            case TCP -> timeouts.tcp();
            case UDP -> timeouts.udp();
            case OTHER -> timeouts.icmp();
        };
    }

    private static long micros(Duration d) {
        return d.toNanos() / 1_000;
    }

    private static Expiry expiry(TrackedConnection c) {
        return switch (c.ending) {
            case CLOSED -> Expiry.CLOSED;
            case HALF_CLOSED -> Expiry.HALF_CLOSED;
            case OPEN -> switch (c.ipProto) {
                case 6 -> Expiry.TCP;
                case 17 -> Expiry.UDP;
                default -> Expiry.OTHER;
            };
        };
    }
}
