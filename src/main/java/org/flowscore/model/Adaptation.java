package org.flowscore.model;

import java.util.List;
import java.util.Map;

/**
 * How {@code flowscore adapt} made a model for one site: the training corpus plus the site's own history, labelled
 * by what the site itself says (IDS alerts, notices, threat-intelligence sources, allowlist). Recorded in
 * {@code model.json}; with the model's {@link Calibration} it says what the site's model learned and what it
 * left out.
 *
 * @param corpus                the recipe the rest of the training data and the settings came from
 * @param siteDataSha256        SHA-256 of the site's connection logs, in order
 * @param labelFilesSha256      SHA-256 of the other files its labels came from (notice logs, EVE files given
 *                              with {@code --labels}), in order
 * @param siteSources           the site's connection logs as given, each one stream
 * @param labelSources          the files alerts and notices were read from
 * @param since                 the first instant of the history taken (connections that ended from then on), ISO
 *                              8601; null when from the start
 * @param until                 the first instant no longer taken; null when to the end
 * @param siteConnections       the site's connections in that stretch
 * @param siteSlices            how many pieces (days, or halves of a shorter history) the history was cut into,
 *                              each held out in turn by the cross-validation that set the threshold
 * @param siteBenignRows        the site's rows trained on as benign
 * @param siteAttackRows        the site's rows trained on as attacks (labelled by the site, and the attacks
 *                              injected into its history)
 * @param markedBySource        flows each label source marked (a flow can be marked by several)
 * @param flowsByOutcome        what each flow became: attack, benign, allowlisted, or left out (informational
 *                              alerts only, held-out signatures only)
 * @param informationalAlerts   what flows alerted only by informational signatures were: {@code left-out},
 *                              {@code attack} or {@code benign}
 * @param threatIntelSignatures the regular expression naming threat-intelligence signatures
 * @param allowlistEntries      entries of the allowlist, as {@code src=… dst=… port=… # why}; empty without one
 * @param heldOutSignatures     signatures whose alerts were hidden from training (id → name), to measure the
 *                              model on their flows ({@code flowscore evaluate})
 * @param seed                  seed of the held-out choice and of the attacks injected to measure recall
 */
public record Adaptation(String corpus, String siteDataSha256, String labelFilesSha256, List<String> siteSources,
                         List<String> labelSources, String since, String until, long siteConnections, int siteSlices, long siteBenignRows,
                         long siteAttackRows, Map<String, Long> markedBySource, Map<String, Long> flowsByOutcome,
                         String informationalAlerts, String threatIntelSignatures, List<String> allowlistEntries,
                         Map<Long, String> heldOutSignatures, long seed) {
}
