package org.flowscore.eval;

/** One point of a ROC curve (false-positive rate, true-positive rate) or PR curve (recall, precision). */
public record CurvePoint(double x, double y) {
}
