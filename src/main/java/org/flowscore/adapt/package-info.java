/**
 * {@code adapt}: a site model from the shipped training corpus plus the site's own history, cut into days and
 * labelled by the site's word (its IDS's alerts, notices, threat-intelligence sources, allowlist), with a share
 * of signatures held out to measure what the model adds beside the IDS, and the threshold set to the site's
 * alert budget on scores of models that never saw the day.
 *
 * <p>May import: calibrate, corpus, dataset, features, flow, format, labels, model, model.train, read, simulate, source.
 */
package org.flowscore.adapt;
