/**
 * The scoring functions behind a model: forests (flattened for speed), boosting, logistic regression, isolation
 * forest, and the contributions that explain a score.
 *
 * <p>May import: features.
 */
package org.flowscore.model.score;
