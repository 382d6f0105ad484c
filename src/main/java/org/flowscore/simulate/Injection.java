package org.flowscore.simulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.flowscore.flow.Connection;

/**
 * Attacks injected into one real capture, as training and measuring a model of connection logs needs them:
 * the capture's own connections where and when they were (not shifted, not repeated), and each attack once
 * at a random moment, with its pace drawn at random so a model learns the behaviour rather than one rate.
 * The loud attacks last seconds to minutes; the beacon and the uploads run for up to three hours. What the
 * same capture and seed give is always the same.
 */
public final class Injection {
    private static final long SECOND = 1_000_000;
    private static final long MINUTE = 60 * SECOND;

    private Injection() {
    }

    /**
     * @param capture one capture's connections, in any order
     * @param seed    seeds every choice: the attacks' moments, paces, addresses and login service
     * @return the capture's connections (fresh uids, labels kept, unlabelled logs' read as {@code benign}) and
     *         the attacks', in end order as a sensor logs them
     */
    public static List<Connection> inject(List<Connection> capture, long seed) {
        if (capture.isEmpty()) {
            throw new IllegalArgumentException("attacks need a capture to be injected into");
        }
        List<Connection> background = new ArrayList<>(capture);
        background.sort(Comparator.comparingLong(Connection::startMicros));
        long start = background.getFirst().startMicros();
        long end = background.stream().mapToLong(Connection::endMicros).max().orElseThrow() + 1;
        LoginService login = new SplittableRandom(seed ^ 0x5DEECE66DL).nextBoolean() ? LoginService.SSH
                : LoginService.FTP;
        List<Connection> out = new ArrayList<>();
        Simulator.run(seed, start, end, login, List.of(background), rng -> plan(rng, start, end), out::add);
        return out;
    }

    /** Each attack once: a stretch of the capture and a pace, drawn from ranges around the attack's default. */
    static List<Episode> plan(SplittableRandom rng, long start, long end) {
        List<Episode> episodes = new ArrayList<>();
        episodes.add(episode(rng, Attack.PORTSCAN, start, end, 20 * SECOND, 60 * SECOND, 20, 100));
        episodes.add(episode(rng, Attack.HOSTSWEEP, start, end, 30 * SECOND, 90 * SECOND, 10, 40));
        episodes.add(episode(rng, Attack.SYNFLOOD, start, end, 5 * SECOND, 15 * SECOND, 200, 800));
        episodes.add(episode(rng, Attack.BRUTEFORCE, start, end, 2 * MINUTE, 6 * MINUTE, 0.5, 3));
        episodes.add(episode(rng, Attack.BEACON, start, end, 60 * MINUTE, 180 * MINUTE, 1 / 120.0, 1 / 10.0));
        episodes.add(episode(rng, Attack.EXFIL, start, end, 30 * MINUTE, 90 * MINUTE, 1 / 900.0, 1 / 120.0));
        return episodes;
    }

    /** An episode of a length and rate drawn from the ranges, placed at random inside [start, end). */
    private static Episode episode(SplittableRandom rng, Attack attack, long start, long end, long minLength,
                                   long maxLength, double minRate, double maxRate) {
        long length = Math.min(end - start, minLength + rng.nextLong(maxLength - minLength + 1));
        long at = start + (end - start > length ? rng.nextLong(end - start - length + 1) : 0);
        double rate = minRate * Math.pow(maxRate / minRate, rng.nextDouble());
        return new Episode(attack, at, Math.max(at + 1, at + length), rate);
    }
}
