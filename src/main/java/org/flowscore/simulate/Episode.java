package org.flowscore.simulate;

/**
 * One attack running over a stretch of the timeline.
 *
 * @param attack       what runs
 * @param startMicros  when its first connection may start, microseconds since the epoch
 * @param endMicros    no connection of it starts at or after this
 * @param rate         connections per second
 */
public record Episode(Attack attack, long startMicros, long endMicros, double rate) {

    public Episode {
        if (endMicros <= startMicros) {
            throw new IllegalArgumentException(attack + ": an episode needs a positive length");
        }
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException(attack + ": the rate must be a positive number, got " + rate);
        }
    }

    /** Mean microseconds between two connections of this episode. */
    public double meanGapMicros() {
        return 1_000_000 / rate;
    }
}
