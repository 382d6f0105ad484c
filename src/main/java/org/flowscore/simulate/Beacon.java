package org.flowscore.simulate;

import java.util.SplittableRandom;
import org.flowscore.flow.Connection;

/**
 * An implant on the internal client checking in with its command-and-control server over HTTP: one short
 * complete session ({@code SF}, {@code ShADadfF}, 5/5 packets, about 80 bytes out and 330 back, a tenth of a
 * second) every period of 1/rate, each time ±20 % of jitter. The sizes are those of the real beacon in the
 * RITA test data; the near-constant size and period are what beacon detectors look for.
 */
final class Beacon implements AttackGenerator {
    static final int PORT = 80;
    private static final double JITTER = 0.2;

    private final Episode episode;
    private final Network network;
    private final SplittableRandom rng;
    private final Flows flows;
    private final long request;
    private final long response;
    private long nextStart;

    Beacon(Episode episode, Network network, SplittableRandom rng) {
        this.episode = episode;
        this.network = network;
        this.flows = new Flows(network);
        this.rng = rng;
        this.request = Flows.between(rng, 75, 90);
        this.response = Flows.between(rng, 320, 340);
        this.nextStart = episode.startMicros() + (long) (rng.nextDouble() * episode.meanGapMicros());
    }

    @Override
    public Connection next() {
        if (nextStart >= episode.endMicros()) {
            return null;
        }
        long start = nextStart;
        nextStart += Flows.jittered(rng, episode.meanGapMicros(), JITTER);
        TcpShape shape = new TcpShape("SF", "ShADadfF", TcpShape.side(request + rng.nextInt(3), 5),
                TcpShape.side(response, 5));
        return flows.tcp(rng, start, Flows.between(rng, 90_000, 130_000), network.client(),
                (int) Flows.between(rng, 49152, 65536), network.c2(), PORT, "http", shape, episode.attack().truth());
    }
}
