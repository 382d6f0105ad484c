package org.flowscore.features;

import static org.flowscore.features.WindowCounts.rate;

/**
 * The host-based features ({@code dst_host_*}) over the last N connections overall, grouped afterwards by
 * destination host or by service: the reading both public extractors share (notes §1.3). KDD's own values
 * reach 255 although its text says 100 connections, so no window size reproduces the data set exactly; N is
 * a setting and is recorded with the model.
 */
final class HostWindow {
    static final int COUNT_CLIP = 255;

    private final int capacity;
    private final WindowCounts counts;

    HostWindow(int capacity) {
        this.capacity = capacity;
        this.counts = new WindowCounts(true, capacity);
    }

    /** Writes the features of {@code e} from the N connections before it; {@code e} is not yet in the window. */
    void features(WindowEntry e, double[] out) {
        WindowCounts.HostCounts host = counts.host(e.host);
        int count = host.count();
        int sameService = host.withService(e.service);
        int serviceCount = counts.service(e.service);
        out[KddSchema.DST_HOST_COUNT] = Math.min(count, COUNT_CLIP);
        out[KddSchema.DST_HOST_SRV_COUNT] = Math.min(serviceCount, COUNT_CLIP);
        out[KddSchema.DST_HOST_SAME_SRV_RATE] = rate(sameService, count);
        out[KddSchema.DST_HOST_DIFF_SRV_RATE] = rate(count - sameService, count);
        out[KddSchema.DST_HOST_SAME_SRC_PORT_RATE] = rate(host.withSourcePort(e.sourcePort), count);
        out[KddSchema.DST_HOST_SRV_DIFF_HOST_RATE] = rate(serviceCount - sameService, serviceCount);
        out[KddSchema.DST_HOST_SERROR_RATE] = rate(host.serrors(), count);
        out[KddSchema.DST_HOST_SRV_SERROR_RATE] = rate(counts.serviceSerrors(e.service), serviceCount);
        out[KddSchema.DST_HOST_RERROR_RATE] = rate(host.rerrors(), count);
        out[KddSchema.DST_HOST_SRV_RERROR_RATE] = rate(counts.serviceRerrors(e.service), serviceCount);
    }

    /** Adds {@code e}, evicting the oldest connection when the window is full. */
    void add(WindowEntry e) {
        if (counts.size() == capacity) {
            counts.removeOldest();
        }
        counts.add(e);
    }

    int hosts() {
        return counts.hostCount();
    }
}
