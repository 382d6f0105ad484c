package org.flowscore.alerts;

import java.util.List;

/**
 * An alert group as its document shows it; every value depends only on which flows are in the group, never on
 * the order they came in.
 *
 * @param product          the sensor's software ({@code zeek}, {@code suricata})
 * @param onlySource       the source address when all flows share one, else null (and likewise the destination,
 *                         its port and the transport)
 * @param meanScore        the mean score, rounded to four decimals
 * @param topExplanation   the feature most often first in the flows' explanations (ties: the first by name), or
 *                         null when none was explained
 * @param flowIds          the document ids of the highest-scoring flows (ties: the smaller id first), at most
 *                         {@link AlertGroup#SAMPLE}
 * @param communityIds     their Community IDs, in the same order
 * @param relatedIps       the subject, then at most {@link AlertGroup#PEERS} of the addresses at the other end, in
 *                         text order
 */
record GroupSummary(GroupKey key, String id, String product, long flows, long firstStartMicros, long lastEndMicros,
                    int sources, int destinations, int ports, String onlySource, String onlyDestination,
                    Integer onlyPort, String onlyTransport, double maxScore, double meanScore, String topExplanation,
                    List<String> flowIds, List<String> communityIds, List<String> relatedIps, long bytes,
                    long packets) {
}
