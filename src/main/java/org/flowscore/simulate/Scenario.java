package org.flowscore.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;

/**
 * What to simulate: which attacks, how fast, over which stretch of time, from which seed.
 *
 * @param attacks        one attack, or several for a mixed run
 * @param rate           connections per second for a single attack; empty for each attack's default
 * @param startMicros    start of the timeline, microseconds since the epoch
 * @param durationMicros length of the timeline
 * @param seed           seeds every random choice: the same scenario and background give the same output
 * @param loginService   what a brute force attacks
 */
public record Scenario(List<Attack> attacks, OptionalDouble rate, long startMicros, long durationMicros, long seed,
                       LoginService loginService) {

    public Scenario {
        attacks = List.copyOf(attacks);
        if (attacks.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one attack");
        }
        if (rate.isPresent() && attacks.size() > 1) {
            throw new IllegalArgumentException("a mixed run uses each attack's own rate");
        }
        if (durationMicros <= 0) {
            throw new IllegalArgumentException("the duration must be positive");
        }
    }

    public long endMicros() {
        return startMicros + durationMicros;
    }

    /**
     * When each attack runs. A single attack runs the whole timeline. A mixed run keeps the slow attacks
     * (beacon, exfiltration) going all along and gives each loud one a slot of its own, in the given order:
     * it starts 10–30 % into its slot and lasts half of it, so their windows do not overlap.
     */
    List<Episode> episodes(SplittableRandom rng) {
        if (attacks.size() == 1) {
            Attack attack = attacks.getFirst();
            return List.of(new Episode(attack, startMicros, endMicros(), rate.orElse(attack.defaultRate())));
        }
        List<Episode> episodes = new ArrayList<>();
        List<Attack> loud = attacks.stream().filter(a -> a != Attack.BEACON && a != Attack.EXFIL).toList();
        for (Attack slow : attacks) {
            if (!loud.contains(slow)) {
                episodes.add(new Episode(slow, startMicros, endMicros(), slow.defaultRate()));
            }
        }
        long slot = durationMicros / Math.max(1, loud.size());
        for (int i = 0; i < loud.size(); i++) {
            long start = startMicros + i * slot + (long) (slot * (0.1 + 0.2 * rng.nextDouble()));
            episodes.add(new Episode(loud.get(i), start, start + Math.max(1, slot / 2), loud.get(i).defaultRate()));
        }
        return List.copyOf(episodes);
    }
}
