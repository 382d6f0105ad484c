/**
 * A model bundle (its info, scorer, threshold and calibration) and scoring a featured connection into a {@link
 * org.flowscore.model.ScoredFlow}.
 *
 * <p>May import: features, flow, model.score.
 */
package org.flowscore.model;
