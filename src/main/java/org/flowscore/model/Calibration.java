package org.flowscore.model;

import java.util.List;
import java.util.Map;

/**
 * How {@code flowscore calibrate} set a model's threshold for one site: on the site's own history, to an alert
 * budget. Recorded in {@code model.json}; documents scored with the model carry its {@link #id()}.
 *
 * @param id                a short identity of this calibration (the first 12 hex digits of the SHA-256 of the
 *                          site data's hash, the budget and the threshold), for documents and dashboards
 * @param modelThreshold    the threshold the model came with
 * @param budget            what was asked, in words: {@code 5 alerts per day} or {@code 0.1 % of flows}
 * @param siteDataSha256    SHA-256 of the site's files, in order
 * @param siteSources       the site's files as given
 * @param siteConnections   connections of the site's history scored
 * @param siteDays          the span of that history, in days
 * @param flaggedAtThreshold of them, at or above the new threshold
 * @param injectedRecall    per attack type injected into the same history: the share flagged at the new
 *                          threshold
 */
public record Calibration(String id, double modelThreshold, String budget, String siteDataSha256,
                          List<String> siteSources, long siteConnections, double siteDays, long flaggedAtThreshold,
                          Map<String, Double> injectedRecall) {
}
