package org.flowscore.simulate;

import java.util.BitSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.flowscore.flow.Connection;

/**
 * A vertical SYN scan (nmap {@code -sS}) of one internal server from one external host. Probes leave at the
 * episode's rate from one fixed source port. The first pass covers, in shuffled order, what a default nmap
 * scan favours: the 1,024 privileged ports and 1,000 ports above them; then the scan goes on over all 65,535
 * other ports in scrambled order. Closed ports
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
    private final Flows flows;
    private static final int PRIVILEGED = 1024;
    private static final int HIGH_PORTS_FIRST = 1000;

    private final int[] firstPass;
    private final BitSet scanned = new BitSet(65536);
    private final Permutation allPorts;
    private int probes;
    private final int sourcePort;
    private final long roundTripMicros;
    private long nextStart;

    PortScan(Episode episode, Network network, SplittableRandom rng) {
        this.episode = episode;
        this.network = network;
        this.flows = new Flows(network);
        this.rng = rng;
        this.firstPass = firstPass(rng);
        for (int port : firstPass) {
            scanned.set(port);
        }
        this.allPorts = new Permutation(16, rng);
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
        if (probes < firstPass.length) {
            return firstPass[probes++];
        }
        long port;
        do {
            port = allPorts.next();
        } while (port == 0 || scanned.get((int) port));
        return (int) port;
    }

    private static int[] firstPass(SplittableRandom rng) {
        int[] ports = new int[PRIVILEGED + HIGH_PORTS_FIRST];
        BitSet taken = new BitSet(65536);
        for (int p = 1; p <= PRIVILEGED; p++) {
            ports[p - 1] = p;
        }
        for (int i = PRIVILEGED; i < ports.length; i++) {
            int p;
            do {
                p = (int) Flows.between(rng, PRIVILEGED + 1, 65536);
            } while (taken.get(p));
            taken.set(p);
            ports[i] = p;
        }
        for (int i = ports.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = ports[i];
            ports[i] = ports[j];
            ports[j] = t;
        }
        return ports;
    }
}
