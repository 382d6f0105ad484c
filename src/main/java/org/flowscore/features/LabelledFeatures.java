package org.flowscore.features;

/**
 * One row of an NSL-KDD file: the 41 features, the label ({@code normal} or an attack name) and the
 * difficulty level (how many of 21 reference classifiers got the row right), -1 when the file has none.
 */
public record LabelledFeatures(KddFeatures features, String label, int difficulty) {

    public static final int NO_DIFFICULTY = -1;

    public boolean isAttack() {
        return !label.equals("normal");
    }
}
