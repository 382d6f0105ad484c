package org.flowscore.simulate;

import java.util.SplittableRandom;

/**
 * Generates one attack episode's connections, in start order, shaped the way Zeek logs that behaviour.
 * Every generator draws only from its own random stream, so what one attack produces does not depend on
 * the others or on the background.
 */
sealed interface AttackGenerator extends ConnectionStream
        permits PortScan, HostSweep, SynFlood, BruteForce, Beacon, Exfiltration {

    static AttackGenerator start(Episode episode, Network network, LoginService service, SplittableRandom rng) {
        return switch (episode.attack()) {
            case PORTSCAN -> new PortScan(episode, network, rng);
            case HOSTSWEEP -> new HostSweep(episode, network, rng);
            case SYNFLOOD -> new SynFlood(episode, network, rng);
            case BRUTEFORCE -> new BruteForce(episode, network, service, rng);
            case BEACON -> new Beacon(episode, network, rng);
            case EXFIL -> new Exfiltration(episode, network, rng);
        };
    }
}
