package org.flowscore.features;

import java.util.HashMap;
import java.util.Map;

/**
 * One host's latest connections on one side (as originator, or as responder) within the behaviour window,
 * oldest first, with running counts: connections per peer, distinct ports overall and per peer, failed TCP
 * and unanswered connections. Connections arrive in window-time order, so expiry only looks at the oldest.
 * The ring grows with use up to its limit, so the many hosts seen once cost little.
 */
final class HostActivity {
    static final byte TCP = 1;
    static final byte FAILED = 2;
    static final byte UNICAST = 4;
    static final byte UNANSWERED = 8;

    /** A peer's connections in the window, and (for originators) the ports used on it. */
    private static final class Peer {
        int connections;
        final IntCounter ports;

        Peer(boolean trackPorts) {
            this.ports = trackPorts ? new IntCounter() : null;
        }
    }

    private final boolean trackPorts;
    private final Map<String, Peer> peers = new HashMap<>();
    private final IntCounter ports = new IntCounter();
    private long[] ends = new long[4];
    private String[] peerOf = new String[4];
    private int[] portOf = new int[4];
    private byte[] flagsOf = new byte[4];
    private int oldest;
    private int size;
    private int tcp;
    private int failed;
    private int unicast;
    private int unanswered;

    HostActivity(boolean trackPorts) {
        this.trackPorts = trackPorts;
    }

    /** Forgets the connections that ended at or before {@code cutoff}; returns how many. */
    int expire(long cutoff) {
        int removed = 0;
        while (size > 0 && ends[oldest] <= cutoff) {
            removeOldest();
            removed++;
        }
        return removed;
    }

    /**
     * Adds a connection, first forgetting the oldest when {@code limit} are held.
     *
     * @return the change in connections held: 1, or 0 when the oldest made room
     */
    int add(long end, String peer, int port, byte flags, int limit) {
        int change = 1;
        if (size == limit) {
            removeOldest();
            change = 0;
        }
        if (size == ends.length) {
            grow(Math.min(limit, ends.length * 2));
        }
        int slot = (oldest + size++) % ends.length;
        ends[slot] = end;
        peerOf[slot] = peer;
        portOf[slot] = port;
        flagsOf[slot] = flags;
        Peer p = peers.computeIfAbsent(peer, k -> new Peer(trackPorts));
        p.connections++;
        if (trackPorts) {
            p.ports.increment(port);
            ports.increment(port);
        }
        count(flags, 1);
        return change;
    }

    int connections() {
        return size;
    }

    int distinctPeers() {
        return peers.size();
    }

    int distinctPorts() {
        return ports.size();
    }

    int portsOn(String peer) {
        Peer p = peers.get(peer);
        return p == null || p.ports == null ? 0 : p.ports.size();
    }

    /** Failed TCP connections among the TCP ones, 0 when there are none. */
    double failedShare() {
        return tcp == 0 ? 0 : (double) failed / tcp;
    }

    /** Unanswered connections among those to unicast addresses, 0 when there are none. */
    double unansweredShare() {
        return unicast == 0 ? 0 : (double) unanswered / unicast;
    }

    private void removeOldest() {
        int slot = oldest;
        String peer = peerOf[slot];
        peerOf[slot] = null;
        oldest = (oldest + 1) % ends.length;
        size--;
        Peer p = peers.get(peer);
        if (--p.connections == 0) {
            peers.remove(peer);
        } else if (trackPorts) {
            p.ports.decrement(portOf[slot]);
        }
        if (trackPorts) {
            ports.decrement(portOf[slot]);
        }
        count(flagsOf[slot], -1);
    }

    private void count(byte flags, int delta) {
        if ((flags & TCP) != 0) {
            tcp += delta;
            if ((flags & FAILED) != 0) {
                failed += delta;
            }
        }
        if ((flags & UNICAST) != 0) {
            unicast += delta;
            if ((flags & UNANSWERED) != 0) {
                unanswered += delta;
            }
        }
    }

    private void grow(int capacity) {
        long[] e = new long[capacity];
        String[] p = new String[capacity];
        int[] o = new int[capacity];
        byte[] f = new byte[capacity];
        for (int i = 0; i < size; i++) {
            int from = (oldest + i) % ends.length;
            e[i] = ends[from];
            p[i] = peerOf[from];
            o[i] = portOf[from];
            f[i] = flagsOf[from];
        }
        ends = e;
        peerOf = p;
        portOf = o;
        flagsOf = f;
        oldest = 0;
    }
}
