package org.flowscore.eval;

/**
 * Counts of a binary decision against the truth; attack is the positive class.
 *
 * @param tn normal rows left alone
 * @param fp normal rows flagged
 * @param fn attack rows missed
 * @param tp attack rows flagged
 */
public record Confusion(long tn, long fp, long fn, long tp) {

    public long total() {
        return tn + fp + fn + tp;
    }

    public long attacks() {
        return fn + tp;
    }

    public long normals() {
        return tn + fp;
    }

    public long flagged() {
        return fp + tp;
    }
}
