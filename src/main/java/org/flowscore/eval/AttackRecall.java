package org.flowscore.eval;

/**
 * How many attack rows of one category (or one label) the model flagged.
 *
 * @param name     attack category ({@code dos}, …) or label ({@code neptune}, a log's detailed label)
 * @param count    attack rows with that name
 * @param detected those flagged, at or above the threshold
 */
public record AttackRecall(String name, long count, long detected) {

    public AttackRecall {
        if (count < 1 || detected < 0 || detected > count) {
            throw new IllegalArgumentException(name + ": " + detected + " detected of " + count);
        }
    }

    public double recall() {
        return (double) detected / count;
    }
}
