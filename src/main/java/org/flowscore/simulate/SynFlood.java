package org.flowscore.simulate;

import java.util.SplittableRandom;
import org.flowscore.flow.Connection;

/**
 * A SYN flood against the internal server's web port from spoofed sources: every SYN comes from a random
 * public address and port and gets no answer Zeek can pair with it ({@code S0}, history {@code S}). It comes
 * in bursts of 2–5 s separated by 1–3 s of quiet, faster inside a burst so the episode averages its rate.
 */
final class SynFlood implements AttackGenerator {
    static final int PORT = 80;
    private static final long SECOND = 1_000_000;
    /** Mean burst 3.5 s, mean pause 2 s. */
    private static final double DUTY_CYCLE = 3.5 / 5.5;

    private final Episode episode;
    private final Network network;
    private final SplittableRandom rng;
    private final Flows flows;
    private long nextStart;
    private long burstEnd;

    SynFlood(Episode episode, Network network, SplittableRandom rng) {
        this.episode = episode;
        this.network = network;
        this.flows = new Flows(network);
        this.rng = rng;
        this.nextStart = episode.startMicros();
        this.burstEnd = nextStart + Flows.between(rng, 2 * SECOND, 5 * SECOND);
    }

    @Override
    public Connection next() {
        if (nextStart >= burstEnd) {
            nextStart = burstEnd + Flows.between(rng, SECOND, 3 * SECOND);
            burstEnd = nextStart + Flows.between(rng, 2 * SECOND, 5 * SECOND);
        }
        if (nextStart >= episode.endMicros()) {
            return null;
        }
        long start = nextStart;
        nextStart += Flows.jittered(rng, episode.meanGapMicros() * DUTY_CYCLE, 0.9);
        return flows.tcp(rng, start, 0, spoofedAddress(), (int) Flows.between(rng, 1024, 65536), network.server(),
                PORT, null, TcpShape.unanswered(), episode.attack().truth());
    }

    /** A random unicast address outside private, loopback, link-local, shared, documentation and multicast space. */
    private String spoofedAddress() {
        while (true) {
            int a = 1 + rng.nextInt(223);
            int b = rng.nextInt(256);
            if (a == 10 || a == 127 || (a == 100 && b >= 64 && b < 128) || (a == 169 && b == 254)
                    || (a == 172 && b >= 16 && b < 32) || (a == 192 && (b == 168 || b == 0))
                    || (a == 198 && (b == 18 || b == 19 || b == 51)) || (a == 203 && b == 0)) {
                continue;
            }
            return a + "." + b + "." + rng.nextInt(256) + "." + (1 + rng.nextInt(254));
        }
    }
}
