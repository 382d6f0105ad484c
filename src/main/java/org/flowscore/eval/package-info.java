/**
 * Measuring a model: confusion, ROC and PR curves, recall per attack type, and the reports (text, JSON, HTML with
 * charts).
 *
 * <p>May import: features, model, model.score.
 */
package org.flowscore.eval;
