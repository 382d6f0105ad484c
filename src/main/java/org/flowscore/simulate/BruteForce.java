package org.flowscore.simulate;

import java.util.SplittableRandom;
import org.flowscore.flow.Connection;
import org.flowscore.flow.Traffic;

/**
 * Password guessing against one service of the internal server from one external host, one login attempt
 * per connection, from consecutive source ports as a Linux client allocates them.
 *
 * <p>SSH: key exchange, a few failed passwords, disconnect: {@code SF}, history {@code ShADadFf}, about
 * 1,250 bytes out and 1,700 back in 12/14 packets over 1.5–4 s (the sizes Zeek logs for real guessers); one
 * in seven the server cuts it short ({@code RSTO}, {@code ShAdDaFR}, 17/13 packets, 5–7 s). FTP: banner,
 * {@code USER}, {@code PASS}, {@code 530}, {@code QUIT}: {@code SF}, {@code ShAdDaFf}, 30–45 bytes out and
 * 110–160 back in 7/6 packets over 0.3–2 s.
 */
final class BruteForce implements AttackGenerator {

    private static final double CUT_SHORT = 1 / 7.0;

    private final Episode episode;
    private final Network network;
    private final LoginService service;
    private final SplittableRandom rng;
    private final Flows flows;
    private int sourcePort;
    private long nextStart;

    BruteForce(Episode episode, Network network, LoginService service, SplittableRandom rng) {
        this.episode = episode;
        this.network = network;
        this.flows = new Flows(network);
        this.service = service;
        this.rng = rng;
        this.sourcePort = (int) Flows.between(rng, 32768, 50000);
        this.nextStart = episode.startMicros();
    }

    @Override
    public Connection next() {
        if (nextStart >= episode.endMicros()) {
            return null;
        }
        long start = nextStart;
        nextStart += Flows.jittered(rng, episode.meanGapMicros(), 0.6);
        sourcePort = sourcePort >= 60999 ? 32768 : sourcePort + 1 + rng.nextInt(3);
        boolean cut = rng.nextDouble() < CUT_SHORT;
        TcpShape shape;
        long duration;
        if (service == LoginService.SSH) {
            shape = cut
                    ? new TcpShape("RSTO", "ShAdDaFR", TcpShape.side(Flows.between(rng, 1230, 1260), 17),
                            TcpShape.side(Flows.between(rng, 1830, 1870), 13))
                    : new TcpShape("SF", "ShADadFf", TcpShape.side(Flows.between(rng, 1200, 1300), 12),
                            TcpShape.side(Flows.between(rng, 1650, 1750), 14));
            duration = cut ? Flows.between(rng, 5_000_000, 7_000_000) : Flows.between(rng, 1_500_000, 4_000_000);
        } else {
            Traffic orig = TcpShape.side(Flows.between(rng, 30, 46), 7);
            Traffic resp = TcpShape.side(Flows.between(rng, 110, 161), 6);
            shape = cut ? new TcpShape("RSTO", "ShAdDaR", orig, resp) : new TcpShape("SF", "ShAdDaFf", orig, resp);
            duration = Flows.between(rng, 300_000, 2_000_000);
        }
        return flows.tcp(rng, start, duration, network.guesser(), sourcePort, network.server(), service.port(),
                service.zeekName(), shape, episode.attack().truth());
    }
}
