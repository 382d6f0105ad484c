package org.flowscore.features;

import static org.flowscore.features.WindowCounts.rate;

/**
 * The time-based traffic features ({@code count} … {@code srv_diff_host_rate}) over the connections that
 * ended in {@code (end − window, end]} of the current one. "Same host" is the same destination address;
 * "same service" is the same KDD service over all hosts, as the data set's own rows show (notes §1.4).
 * Entries arrive in non-decreasing window time, so expiry only ever looks at the oldest.
 */
final class TrafficWindow {
    static final int COUNT_CLIP = 511;

    private final long span;
    private final WindowCounts counts = new WindowCounts(false, 1024);

    TrafficWindow(long spanMicros) {
        this.span = spanMicros;
    }

    /** Writes the features of {@code e} from the connections before it; {@code e} is not yet in the window. */
    void features(WindowEntry e, double[] out) {
        long cutoff = e.end - span;
        while (counts.size() > 0 && counts.oldestEnd() <= cutoff) {
            counts.removeOldest();
        }
        WindowCounts.HostCounts host = counts.host(e.host);
        int count = host.count();
        int sameService = host.withService(e.service);
        int serviceCount = counts.service(e.service);
        out[KddSchema.COUNT_2S] = Math.min(count, COUNT_CLIP);
        out[KddSchema.SRV_COUNT] = Math.min(serviceCount, COUNT_CLIP);
        out[KddSchema.SERROR_RATE] = rate(host.serrors(), count);
        out[KddSchema.SRV_SERROR_RATE] = rate(counts.serviceSerrors(e.service), serviceCount);
        out[KddSchema.RERROR_RATE] = rate(host.rerrors(), count);
        out[KddSchema.SRV_RERROR_RATE] = rate(counts.serviceRerrors(e.service), serviceCount);
        out[KddSchema.SAME_SRV_RATE] = rate(sameService, count);
        out[KddSchema.DIFF_SRV_RATE] = rate(count - sameService, count);
        out[KddSchema.SRV_DIFF_HOST_RATE] = rate(serviceCount - sameService, serviceCount);
    }

    void add(WindowEntry e) {
        counts.add(e);
    }

    int size() {
        return counts.size();
    }

    int hosts() {
        return counts.hostCount();
    }
}
