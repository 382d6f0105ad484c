/**
 * Training and choosing a model: algorithms, cross-validation by capture, and the threshold rule (a false-positive
 * budget on held-out captures).
 *
 * <p>May import: features, model, model.score.
 */
package org.flowscore.model.train;
