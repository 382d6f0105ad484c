/**
 * Fitting a model's threshold to a site's own traffic.
 *
 * <p>May import: dataset, features, flow, model, read, simulate, source.
 */
package org.flowscore.calibrate;
