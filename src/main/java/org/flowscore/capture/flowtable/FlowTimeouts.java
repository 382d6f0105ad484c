package org.flowscore.capture.flowtable;

import java.time.Duration;

/**
 * When the flow table lets a connection go, in packet time. Defaults are Zeek's: {@code tcp_inactivity_timeout}
 * 5 min, {@code udp_inactivity_timeout} and {@code icmp_inactivity_timeout} 1 min, {@code tcp_close_delay}
 * 5 s (the time a closed or reset connection is kept so trailing ACKs still count to it) and
 * {@code tcp_partial_close_delay} 3 s (the same for a connection closed by one side whose other side was
 * never seen opening).
 *
 * @param maxConnections how many connections are tracked at once; past it the longest-idle one is emitted early
 *                       (and counted as evicted), so a SYN flood cannot grow the heap
 */
public record FlowTimeouts(Duration tcp, Duration udp, Duration icmp, Duration closeDelay,
                           Duration partialCloseDelay, int maxConnections) {
    public static final FlowTimeouts ZEEK = new FlowTimeouts(Duration.ofMinutes(5), Duration.ofMinutes(1),
            Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(3), 1_000_000);

    public FlowTimeouts {
        for (Duration d : new Duration[] {tcp, udp, icmp, closeDelay, partialCloseDelay}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("flow timeouts must be zero or positive");
            }
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("the flow table must hold at least one connection");
        }
    }

    public FlowTimeouts withMaxConnections(int max) {
        return new FlowTimeouts(tcp, udp, icmp, closeDelay, partialCloseDelay, max);
    }

    public FlowTimeouts withInactivity(Duration newTcp, Duration newUdp, Duration newIcmp) {
        return new FlowTimeouts(newTcp, newUdp, newIcmp, closeDelay, partialCloseDelay, maxConnections);
    }
}
