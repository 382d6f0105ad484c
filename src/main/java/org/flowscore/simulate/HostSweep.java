package org.flowscore.simulate;

import java.util.SplittableRandom;
import org.flowscore.flow.Connection;

/**
 * A horizontal sweep: the infected internal client probes one port (telnet, as Mirai-style worms do) on
 * every address of its own /16, in scrambled order, with raw SYNs from changing source ports. Most addresses
 * hold no host ({@code S0}, {@code S}); one in ten is a live host, which resets ({@code REJ}, {@code Sr}) or,
 * for two in five of those, has the port open ({@code RSTO}, {@code ShR}).
 */
final class HostSweep implements AttackGenerator {
    static final int PORT = 23;
    private static final double LIVE = 0.1;
    private static final double OPEN_WHEN_LIVE = 0.4;

    private final Episode episode;
    private final Network network;
    private final SplittableRandom rng;
    private final Flows flows;
    private final Permutation hosts;
    private final String prefix;
    private long nextStart;

    HostSweep(Episode episode, Network network, SplittableRandom rng) {
        this.episode = episode;
        this.network = network;
        this.flows = new Flows(network);
        this.rng = rng;
        this.hosts = new Permutation(16, rng);
        String subnet = network.subnet();
        this.prefix = subnet.substring(0, subnet.lastIndexOf('.', subnet.length() - 2) + 1);
        this.nextStart = episode.startMicros();
    }

    @Override
    public Connection next() {
        if (nextStart >= episode.endMicros()) {
            return null;
        }
        long start = nextStart;
        nextStart += Flows.jittered(rng, episode.meanGapMicros(), 0.5);
        String target = nextTarget();
        TcpShape shape = rng.nextDouble() >= LIVE ? TcpShape.unanswered()
                : rng.nextDouble() < OPEN_WHEN_LIVE ? TcpShape.halfOpen() : TcpShape.rejected();
        long duration = shape.resp().packets() == 0 ? 0 : Flows.between(rng, 200, 2000);
        int sourcePort = (int) Flows.between(rng, 1024, 65536);
        return flows.tcp(rng, start, duration, network.client(), sourcePort, target, PORT, null, shape,
                episode.attack().truth());
    }

    /** The next address of the /16 that is neither a network or broadcast address nor the sweeper itself. */
    private String nextTarget() {
        while (true) {
            long n = hosts.next();
            int third = (int) (n >> 8);
            int fourth = (int) (n & 0xFF);
            String address = prefix + third + "." + fourth;
            if (fourth != 0 && fourth != 255 && !address.equals(network.client())) {
                return address;
            }
        }
    }
}
