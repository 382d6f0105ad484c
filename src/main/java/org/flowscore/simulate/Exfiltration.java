package org.flowscore.simulate;

import java.util.SplittableRandom;
import org.flowscore.flow.Connection;

/**
 * Bulk upload from the internal client to one external host over TLS: 50–400 MB out at 2–8 MB/s in
 * full-size segments, the responder sending only its handshake (4–8 KB) and one ACK for every two segments
 * ({@code SF}, {@code ShADadFf}, service {@code ssl}). A new upload starts every 1/rate on average.
 */
final class Exfiltration implements AttackGenerator {
    static final int PORT = 443;
    private static final long MB = 1_000_000;

    private final Episode episode;
    private final Network network;
    private final SplittableRandom rng;
    private final Flows flows;
    private long nextStart;

    Exfiltration(Episode episode, Network network, SplittableRandom rng) {
        this.episode = episode;
        this.network = network;
        this.flows = new Flows(network);
        this.rng = rng;
        this.nextStart = episode.startMicros() + (long) (rng.nextDouble() * episode.meanGapMicros() / 2);
    }

    @Override
    public Connection next() {
        if (nextStart >= episode.endMicros()) {
            return null;
        }
        long start = nextStart;
        nextStart += Flows.jittered(rng, episode.meanGapMicros(), 0.5);
        long sent = Flows.between(rng, 50 * MB, 400 * MB);
        long perSecond = Flows.between(rng, 2 * MB, 8 * MB);
        long segments = (sent + TcpShape.SEGMENT_PAYLOAD - 1) / TcpShape.SEGMENT_PAYLOAD;
        long origPackets = segments + 4;
        long respPackets = segments / 2 + 6;
        TcpShape shape = new TcpShape("SF", "ShADadFf", TcpShape.side(sent, origPackets),
                TcpShape.side(Flows.between(rng, 4000, 8000), respPackets));
        long duration = sent * 1_000_000 / perSecond;
        return flows.tcp(rng, start, duration, network.client(), (int) Flows.between(rng, 49152, 65536),
                network.drop(), PORT, "ssl", shape, episode.attack().truth());
    }
}
