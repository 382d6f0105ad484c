package org.flowscore.capture.flowtable;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Assembles packets into connections the way Zeek writes conn.log, and hands each one on when it ends: after
 * the close delay once both sides closed or one reset, after the inactivity timeout of its transport, when
 * the table is full (the longest-idle connection goes first, counted in {@link #evicted()}), or at
 * {@link #flush()}. Time is packet time, so a pcap replays exactly as it was captured. Single thread.
 */
public final class FlowTable {
    private final FlowTimeouts timeouts;
    private final ConnectionRecords records;
    private final Consumer<org.flowscore.flow.Connection> downstream;
    private final Map<FlowTuple, TrackedConnection> tracked = new HashMap<>();
    /** Per expiry class, least recently active first: TCP, UDP, ICMP and others. */
    private final Map<Expiry, LinkedHashMap<FlowTuple, TrackedConnection>> idle = new HashMap<>();
    /** Closed or reset connections in the order they closed, which is the order their delay ends. */
    private final LinkedHashMap<FlowTuple, TrackedConnection> closing = new LinkedHashMap<>();
    private long nowMicros = Long.MIN_VALUE;
    private long packets;
    private long emitted;
    private long evicted;

    private enum Expiry { TCP, UDP, OTHER }

    public FlowTable(FlowTimeouts timeouts, ConnectionRecords records,
                     Consumer<org.flowscore.flow.Connection> downstream) {
        this.timeouts = timeouts;
        this.records = records;
        this.downstream = downstream;
        for (Expiry e : Expiry.values()) {
            idle.put(e, new LinkedHashMap<>(16, 0.75f, true));
        }
    }

    public void accept(PacketInfo p) {
        packets++;
        nowMicros = Math.max(nowMicros, p.tsMicros());
        expire();
        int sourcePort = p.sourcePort();
        int destPort = p.destPort();
        boolean icmp = p.ipProto() == 1 || p.ipProto() == 58;
        if (icmp) {
            int counterpart = IcmpTypes.counterpart(p.ipProto(), p.sourcePort());
            destPort = counterpart >= 0 ? counterpart : p.destPort();
        }
        FlowTuple tuple = FlowTuple.of(p.source(), sourcePort, p.destination(), destPort, p.ipProto());
        TrackedConnection c = tracked.get(tuple);
        if (c != null && c.reusedBy(p)) {
            remove(c);
            emit(c);
            c = null;
        }
        if (c == null) {
            if (tracked.size() >= timeouts.maxConnections()) {
                evictOne();
            }
            c = TrackedConnection.open(tuple, p, sourcePort, destPort);
            tracked.put(tuple, c);
            idle.get(expiry(c)).put(tuple, c);
        } else if (!c.closing) {
            idle.get(expiry(c)).get(tuple);
        }
        boolean wasClosing = c.closing;
        c.add(p);
        if (c.closing && !wasClosing) {
            idle.get(expiry(c)).remove(tuple);
            closing.put(tuple, c);
        }
    }

    /** Emits every connection still tracked, oldest activity first: the end of a pcap or of a capture. */
    public void flush() {
        for (var queue : new Map[] {closing, idle.get(Expiry.TCP), idle.get(Expiry.UDP), idle.get(Expiry.OTHER)}) {
            @SuppressWarnings("unchecked")
            var connections = ((Map<FlowTuple, TrackedConnection>) queue).values().toArray(TrackedConnection[]::new);
            for (TrackedConnection c : connections) {
                remove(c);
                emit(c);
            }
        }
    }

    public long packets() {
        return packets;
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

    private void expire() {
        long closeDelay = timeouts.closeDelay().toNanos() / 1_000;
        expire(closing, closeDelay);
        expire(idle.get(Expiry.TCP), timeouts.tcp().toNanos() / 1_000);
        expire(idle.get(Expiry.UDP), timeouts.udp().toNanos() / 1_000);
        expire(idle.get(Expiry.OTHER), timeouts.icmp().toNanos() / 1_000);
    }

    private void expire(LinkedHashMap<FlowTuple, TrackedConnection> queue, long timeoutMicros) {
        while (!queue.isEmpty()) {
            TrackedConnection head = queue.firstEntry().getValue();
            if (nowMicros - head.lastMicros <= timeoutMicros) {
                return;
            }
            remove(head);
            emit(head);
        }
    }

    private void evictOne() {
        TrackedConnection oldest = null;
        for (var queue : new LinkedHashMap[] {closing, idle.get(Expiry.TCP), idle.get(Expiry.UDP),
                idle.get(Expiry.OTHER)}) {
            if (!queue.isEmpty()) {
                TrackedConnection head = (TrackedConnection) queue.firstEntry().getValue();
                if (oldest == null || head.lastMicros < oldest.lastMicros) {
                    oldest = head;
                }
            }
        }
        if (oldest != null) {
            remove(oldest);
            emit(oldest);
            evicted++;
        }
    }

    private void remove(TrackedConnection c) {
        tracked.remove(c.tuple);
        closing.remove(c.tuple);
        idle.get(expiry(c)).remove(c.tuple);
    }

    private void emit(TrackedConnection c) {
        emitted++;
        downstream.accept(records.toConnection(c));
    }

    private static Expiry expiry(TrackedConnection c) {
        return switch (c.ipProto) {
            case 6 -> Expiry.TCP;
            case 17 -> Expiry.UDP;
            default -> Expiry.OTHER;
        };
    }
}
