package org.flowscore.labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.flowscore.flow.Connection;
import org.flowscore.flow.GroundTruth;
import org.flowscore.flow.LocalNetworks;
import org.flowscore.flow.SourceFormat;

/**
 * Labels a site's connections from what the site itself says about them:
 * <ul>
 *   <li>an {@link Allowlist} entry makes a flow benign, whatever else is said of it;</li>
 *   <li>a Suricata alert makes its flow an attack (detailed label: the rule's category and severity): a
 *       Suricata flow by its {@code flow_id}, a Zeek connection by its Community ID and the alert's flow
 *       starting within the connection's span (give or take {@link #TIME_SLACK_MICROS}), as both sensors saw the
 *       same packets;</li>
 *   <li>a Zeek notice with a uid makes that connection an attack;</li>
 *   <li>an address a threat-intelligence rule alerted on makes every flow it originates an attack, unless it is
 *       one of the site's own addresses (a rule that fires both ways would otherwise condemn a local host);</li>
 *   <li>a flow alerted only by informational signatures is what the {@link LabelPolicy} says (by default left
 *       out: neither benign nor an attack);</li>
 *   <li>a flow whose only evidence comes from held-out signatures is left out of training, or, when
 *       measuring, an attack labelled {@value #HELD_OUT_LABEL};</li>
 *   <li>every other flow is the site's benign history.</li>
 * </ul>
 * It counts what each source marked and what each flow became. One labeller per reading thread.
 */
public final class SiteLabeller {
    /** The detailed label of held-out signatures' flows when a model is measured on them. */
    public static final String HELD_OUT_LABEL = "held-out signatures";

    /** How far an alert may lie outside a Zeek connection's span: timestamps of two sensors on one link. */
    static final long TIME_SLACK_MICROS = 5_000_000;

    private static final String ATTACK = "Malicious";
    private static final String BENIGN = "benign";
    private static final String UNLABELLED = "Unknown";
    private static final String THREAT_INTEL_DETAIL = "threat-intelligence source";
    /** The most severe alert names the flow; among equals the lowest signature id, whatever the file order. */
    private static final Comparator<SuricataAlert> MOST_SEVERE = Comparator.comparingInt(SuricataAlert::severity)
            .thenComparingLong(SuricataAlert::signatureId);

    private final Map<String, List<SuricataAlert>> byFlowId = new HashMap<>();
    private final Map<String, List<SuricataAlert>> byCommunityId = new HashMap<>();
    private final Map<String, ZeekNotice> noticesByUid = new HashMap<>();
    /** Listed source address → the threat-intelligence signatures that listed it. */
    private final Map<String, Set<Long>> listedSources = new HashMap<>();
    private final Set<String> localListedSources = new TreeSet<>();
    private final Allowlist allowlist;
    private final LabelPolicy policy;
    private final boolean measuring;
    private final LabelCounts counts = new LabelCounts();
    private final Set<Long> labellingSignatures = new TreeSet<>();
    private final Set<SuricataAlert> matchedAlerts = new HashSet<>();

    /**
     * @param local     the site's own addresses, which a threat-intelligence rule never lists
     * @param measuring whether held-out signatures' flows are labelled as attacks (measuring a model) rather
     *                  than left out (training one)
     */
    public SiteLabeller(List<SuricataAlert> alerts, List<ZeekNotice> notices, Allowlist allowlist, LabelPolicy policy,
                        LocalNetworks local, boolean measuring) {
        this.allowlist = allowlist;
        this.policy = policy;
        this.measuring = measuring;
        for (SuricataAlert a : alerts) {
            if (a.flowId() != null) {
                byFlowId.computeIfAbsent(a.flowId(), k -> new ArrayList<>()).add(a);
            }
            if (a.communityId() != null) {
                byCommunityId.computeIfAbsent(a.communityId(), k -> new ArrayList<>()).add(a);
            }
            if (policy.listsSource(a)) {
                if (local.contains(a.sourceIp())) {
                    localListedSources.add(a.sourceIp());
                } else {
                    listedSources.computeIfAbsent(a.sourceIp(), k -> new TreeSet<>()).add(a.signatureId());
                }
            }
        }
        for (ZeekNotice n : notices) {
            noticesByUid.putIfAbsent(n.uid(), n);
        }
    }

    /** What the flow is, by the site's word; counted. */
    public GroundTruth label(Connection c) {
        Allowlist.Entry allowed = allowlist.match(c);
        if (allowed != null) {
            counts.mark(LabelCounts.Source.ALLOWLIST);
            counts.count(LabelCounts.Outcome.ALLOWLISTED);
            return new GroundTruth(BENIGN, allowed.describe());
        }
        SuricataAlert worst = null;
        boolean heldOut = false;
        boolean informational = false;
        boolean suricata = c.format() == SourceFormat.SURICATA_EVE;
        List<SuricataAlert> alerts = suricata ? byFlowId.getOrDefault(c.recordId(), List.of()) : alertsInSpan(c);
        if (!alerts.isEmpty()) {
            counts.mark(suricata ? LabelCounts.Source.ALERT_FLOW_ID : LabelCounts.Source.ALERT_COMMUNITY_ID);
        }
        for (SuricataAlert a : alerts) {
            matchedAlerts.add(a);
            if (!policy.marksAttack(a)) {
                informational |= policy.informational() == LabelPolicy.InformationalAlerts.LEFT_OUT;
            } else if (policy.heldOut().contains(a.signatureId())) {
                heldOut = true;
            } else {
                labellingSignatures.add(a.signatureId());
                worst = worst == null || MOST_SEVERE.compare(a, worst) < 0 ? a : worst;
            }
        }
        String detail = worst == null ? null : worst.detail();
        ZeekNotice notice = c.recordId() == null ? null : noticesByUid.get(c.recordId());
        if (notice != null) {
            counts.mark(LabelCounts.Source.NOTICE);
            detail = detail != null ? detail : notice.detail();
        }
        Set<Long> listing = listedSources.get(c.key().sourceIp());
        if (listing != null) {
            counts.mark(LabelCounts.Source.THREAT_INTEL);
            boolean kept = false;
            for (long signature : listing) {
                if (!policy.heldOut().contains(signature)) {
                    labellingSignatures.add(signature);
                    kept = true;
                }
            }
            heldOut |= !kept;
            detail = detail != null || !kept ? detail : THREAT_INTEL_DETAIL;
        }
        if (detail != null) {
            counts.count(LabelCounts.Outcome.ATTACK);
            return new GroundTruth(ATTACK, detail);
        }
        if (heldOut) {
            counts.count(LabelCounts.Outcome.HELD_OUT);
            return measuring ? new GroundTruth(ATTACK, HELD_OUT_LABEL)
                    : new GroundTruth(UNLABELLED, "left out: " + HELD_OUT_LABEL);
        }
        if (informational) {
            counts.count(LabelCounts.Outcome.INFORMATIONAL);
            return new GroundTruth(UNLABELLED, "left out: informational alerts only");
        }
        counts.count(LabelCounts.Outcome.BENIGN);
        return new GroundTruth(BENIGN, null);
    }

    /** Alerts with the connection's Community ID at a time within its span. */
    private List<SuricataAlert> alertsInSpan(Connection c) {
        List<SuricataAlert> same = c.communityId() == null ? null : byCommunityId.get(c.communityId());
        if (same == null) {
            return List.of();
        }
        List<SuricataAlert> in = new ArrayList<>();
        for (SuricataAlert a : same) {
            if (a.timeMicros() >= c.startMicros() - TIME_SLACK_MICROS
                    && a.timeMicros() <= c.endMicros() + TIME_SLACK_MICROS) {
                in.add(a);
            }
        }
        return in;
    }

    public LabelCounts counts() {
        return counts;
    }

    /** Signatures (ids) whose alerts made at least one flow an attack, directly or by listing its source. */
    public Set<Long> labellingSignatures() {
        return Set.copyOf(labellingSignatures);
    }

    /** Alerts that matched at least one connection (equal alerts count once). */
    public long matchedAlerts() {
        return matchedAlerts.size();
    }

    /** Addresses a threat-intelligence rule alerted on that are the site's own, so not taken as listed. */
    public Set<String> localListedSources() {
        return Set.copyOf(localListedSources);
    }

    /** Addresses taken as listed by threat-intelligence rules. */
    public int listedSources() {
        return listedSources.size();
    }
}
