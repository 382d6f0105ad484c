package org.flowscore.model;

/** A loaded model: what it is (from {@code model.json}) and how it scores. */
public record Model(ModelInfo info, Scorer scorer) {

    public double threshold() {
        return info.threshold();
    }

    public boolean isAttack(double score) {
        return score >= info.threshold();
    }
}
