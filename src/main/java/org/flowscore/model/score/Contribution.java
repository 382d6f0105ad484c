package org.flowscore.model.score;

/**
 * How much one feature moved a score.
 *
 * @param feature      NSL-KDD feature name
 * @param value        the feature's value as the data set prints it ({@code http}, {@code 0.93}, {@code 511})
 * @param contribution change of the score attributed to it
 */
public record Contribution(String feature, String value, double contribution) {
}
