package org.flowscore.features;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The connections in a window, oldest first, with running counts over them: each connection is counted
 * when it enters and subtracted when it leaves, so every feature is read in constant time. Both windows use
 * this class; they differ only in when they call {@link #removeOldest()}.
 *
 * <p>Per destination host: connections, SYN and REJ errors, connections per service and (when asked for)
 * per source port. Per service, over all hosts: connections and errors. A host whose count drops to zero is
 * removed, so memory follows what is in the window.
 *
 * <p>The window keeps its connections as columns of primitives in a ring rather than as objects: at
 * hundreds of thousands of connections per second the 2-second window holds about a million of them, and
 * columns are read sequentially on eviction and give the garbage collector nothing to trace.
 */
final class WindowCounts {
    /** Spare host records kept for reuse; a sweep across many hosts should not leave them all behind. */
    private static final int SPARE_LIMIT = 1024;
    private static final int SERVICES = KddSchema.SERVICES.size();
    private static final int MIN_CAPACITY = 64;
    private static final byte SERROR = 1;
    private static final byte RERROR = 2;

    /** Counts for one destination host. */
    static final class HostCounts {
        private String host;
        private int count;
        private int serrors;
        private int rerrors;
        private final IntCounter services = new IntCounter();
        private final IntCounter sourcePorts;

        private HostCounts(boolean trackSourcePorts) {
            this.sourcePorts = trackSourcePorts ? new IntCounter() : null;
        }

        int count() {
            return count;
        }

        int serrors() {
            return serrors;
        }

        int rerrors() {
            return rerrors;
        }

        int withService(int service) {
            return count == 0 ? 0 : services.get(service);
        }

        int withSourcePort(int port) {
            return count == 0 ? 0 : sourcePorts.get(port);
        }
    }

    private static final HostCounts NO_HOST = new HostCounts(true);

    private final boolean trackSourcePorts;
    private final Map<String, HostCounts> hosts = new HashMap<>();
    private final ArrayDeque<HostCounts> spares = new ArrayDeque<>();
    private final int[] serviceCount = new int[SERVICES];
    private final int[] serviceSerrors = new int[SERVICES];
    private final int[] serviceRerrors = new int[SERVICES];
    // The last host looked up: a connection's features are read just before it is added, so add() can skip
    // the second hash lookup. Cleared whenever a host record is freed.
    private String lastHost;
    private HostCounts lastCounts;

    // The ring: slot (oldest + i) % capacity holds the i-th oldest connection.
    private long[] ends;
    private HostCounts[] hostOf;
    private int[] serviceOf;
    private int[] sourcePortOf;
    private byte[] errorsOf;
    private int oldest;
    private int size;

    WindowCounts(boolean trackSourcePorts, int initialCapacity) {
        this.trackSourcePorts = trackSourcePorts;
        allocate(Math.max(initialCapacity, 1));
    }

    void add(WindowEntry e) {
        if (size == ends.length) {
            resize(size * 2);
        }
        HostCounts h = e.host == lastHost ? lastCounts : hosts.get(e.host);
        if (h == null) {
            h = spares.isEmpty() ? new HostCounts(trackSourcePorts) : spares.pop();
            h.host = e.host;
            hosts.put(e.host, h);
        }
        byte errors = (byte) ((e.serror ? SERROR : 0) | (e.rerror ? RERROR : 0));
        int slot = (oldest + size++) % ends.length;
        ends[slot] = e.end;
        hostOf[slot] = h;
        serviceOf[slot] = e.service;
        sourcePortOf[slot] = e.sourcePort;
        errorsOf[slot] = errors;
        count(h, e.service, e.sourcePort, errors, 1);
    }

    void removeOldest() {
        int slot = oldest;
        HostCounts h = hostOf[slot];
        hostOf[slot] = null;
        oldest = (oldest + 1) % ends.length;
        size--;
        count(h, serviceOf[slot], sourcePortOf[slot], errorsOf[slot], -1);
        if (h.count == 0) {
            hosts.remove(h.host);
            h.host = null;
            lastHost = null;
            if (spares.size() < SPARE_LIMIT) {
                spares.push(h);
            }
        }
        if (size < ends.length / 4 && ends.length > MIN_CAPACITY) {
            resize(Math.max(ends.length / 2, MIN_CAPACITY));
        }
    }

    private void count(HostCounts h, int service, int sourcePort, byte errors, int delta) {
        h.count += delta;
        serviceCount[service] += delta;
        if (delta > 0) {
            h.services.increment(service);
            if (trackSourcePorts) {
                h.sourcePorts.increment(sourcePort);
            }
        } else {
            h.services.decrement(service);
            if (trackSourcePorts) {
                h.sourcePorts.decrement(sourcePort);
            }
        }
        if ((errors & SERROR) != 0) {
            h.serrors += delta;
            serviceSerrors[service] += delta;
        }
        if ((errors & RERROR) != 0) {
            h.rerrors += delta;
            serviceRerrors[service] += delta;
        }
    }

    int size() {
        return size;
    }

    /** Window time of the oldest connection; only when {@link #size()} is above 0. */
    long oldestEnd() {
        return ends[oldest];
    }

    /** Counts for a destination host; all zero when the window holds none of its connections. */
    HostCounts host(String host) {
        HostCounts h = hosts.get(host);
        lastHost = host;
        lastCounts = h;
        return h != null ? h : NO_HOST;
    }

    int service(int service) {
        return serviceCount[service];
    }

    int serviceSerrors(int service) {
        return serviceSerrors[service];
    }

    int serviceRerrors(int service) {
        return serviceRerrors[service];
    }

    /** Number of destination hosts with connections in the window. */
    int hostCount() {
        return hosts.size();
    }

    /**
     * {@code part / whole} rounded half-up to two decimals, as the data set prints rates; 0 when
     * {@code whole} is 0. Rounded on the exact fraction in integers: rounding the double {@code 29/200.0 * 100}
     * would give 0.14 for what is exactly 0.145.
     */
    static double rate(int part, int whole) {
        if (whole == 0) {
            return 0;
        }
        long hundredths = (200L * part + whole) / (2L * whole);
        return hundredths / 100.0;
    }

    private void allocate(int capacity) {
        ends = new long[capacity];
        hostOf = new HostCounts[capacity];
        serviceOf = new int[capacity];
        sourcePortOf = new int[capacity];
        errorsOf = new byte[capacity];
    }

    /** Moves the ring into arrays of a new capacity, oldest first at slot 0. */
    private void resize(int capacity) {
        long[] oldEnds = ends;
        HostCounts[] oldHosts = hostOf;
        int[] oldServices = serviceOf;
        int[] oldPorts = sourcePortOf;
        byte[] oldErrors = errorsOf;
        allocate(capacity);
        for (int i = 0; i < size; i++) {
            int from = (oldest + i) % oldEnds.length;
            ends[i] = oldEnds[from];
            hostOf[i] = oldHosts[from];
            serviceOf[i] = oldServices[from];
            sourcePortOf[i] = oldPorts[from];
            errorsOf[i] = oldErrors[from];
        }
        Arrays.fill(oldHosts, null);
        oldest = 0;
    }
}
