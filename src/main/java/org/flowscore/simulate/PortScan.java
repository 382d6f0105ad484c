package org.flowscore.simulate;

import java.util.Set;
import java.util.SplittableRandom;
import org.flowscore.flow.Connection;

/**
 * A vertical SYN scan (nmap {@code -sS}) of every TCP port of one internal server from one external host.
 * Probes leave at the episode's rate from one fixed source port, to ports in scrambled order. Closed ports
 * answer RST-ACK ({@code REJ}, history {@code Sr}); a firewall drops a fifth of them ({@code S0}, {@code S});
 * the server's few open ports answer SYN-ACK and the scanner resets ({@code RSTO}, {@code ShR}). Every
 * answered probe lasts one round trip.
 */
final class PortScan implements AttackGenerator {
    private static final Set<Integer> OPEN = Set.of(22, 80, 443);
    private static final double FILTERED = 0.2;

    private final Episode episode;
    private final Network network;
    private final SplittableRandom rng;
    private final Flows flows = new Flows();
    private final Permutation ports;
    private final int sourcePort;
    private final long roundTripMicros;
    private long nextStart;

    PortScan(Episode episode, Network network, SplittableRandom rng) {
        this.episode = episode;
        this.network = network;
        this.rng = rng;
        this.ports = new Permutation(16, rng);
        this.sourcePort = (int) Flows.between(rng, 32768, 61000);
        this.roundTripMicros = Flows.between(rng, 300, 3000);
        this.nextStart = episode.startMicros();
    }

    @Override
    public Connection next() {
        if (nextStart >= episode.endMicros()) {
            return null;
        }
        long start = nextStart;
        nextStart += Flows.jittered(rng, episode.meanGapMicros(), 0.5);
        int port = nextPort();
        TcpShape shape = OPEN.contains(port) ? TcpShape.halfOpen()
                : rng.nextDouble() < FILTERED ? TcpShape.unanswered() : TcpShape.rejected();
        long duration = shape.resp().packets() == 0 ? 0 : Flows.jittered(rng, roundTripMicros, 0.3);
        return flows.tcp(rng, start, duration, network.scanner(), sourcePort, network.server(), port, null, shape,
                episode.attack().truth());
    }

    private int nextPort() {
        long port;
        do {
            port = ports.next();
        } while (port == 0);
        return (int) port;
    }
}
