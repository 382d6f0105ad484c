package org.flowscore.labels;

import java.util.regex.Pattern;

/**
 * One Suricata {@code alert} event, as far as labelling connections needs it.
 *
 * @param flowId      Suricata's {@code flow_id}, the same as its flow event's; null when the alert has none
 *                    (decoder events)
 * @param timeMicros  when the alert's flow started ({@code flow.start}), or, without one, the alerting packet's
 *                    time ({@code timestamp}); microseconds since the epoch
 * @param sourceIp    the alerting packet's source ({@code src_ip}): for a reputation rule, the listed address
 * @param communityId Community ID of the alert's 5-tuple, computed as for connections; null when the alert
 *                    has no usable 5-tuple
 * @param signatureId {@code alert.signature_id}
 * @param signature   {@code alert.signature}, e.g. {@code ET SCAN Suspicious inbound to MSSQL port 1433}
 * @param category    {@code alert.category} (the rule's classtype); empty when the rule has none
 * @param severity    {@code alert.severity}: 1 is the most severe; 3 when the event gives none (Suricata's
 *                    priority of a rule without a classtype)
 */
public record SuricataAlert(String flowId, long timeMicros, String sourceIp, String communityId, long signatureId,
                            String signature, String category, int severity) {

    /** Severity from which Suricata's stock classifications inform rather than warn (3: "Not Suspicious Traffic"). */
    public static final int INFORMATIONAL_SEVERITY = 3;

    /** Emerging Threats and Snort GPL name their informational and policy rule sets so: {@code ET INFO ...}. */
    private static final Pattern INFO_OR_POLICY_RULESET = Pattern.compile("^(ET|ETPRO|GPL) (INFO|POLICY)\\b");

    public SuricataAlert {
        signature = signature == null ? "" : signature;
        category = category == null ? "" : category;
    }

    /**
     * Whether the alert only informs: a low severity, or a rule of an informational or policy rule set. Such
     * alerts mark traffic worth a look, not an attack.
     */
    public boolean informational() {
        return severity >= INFORMATIONAL_SEVERITY || INFO_OR_POLICY_RULESET.matcher(signature).find();
    }

    /** The detailed label of the flows it marks: the rule's category and severity. */
    public String detail() {
        return (category.isBlank() ? "uncategorised" : category) + ", severity " + severity;
    }

    /** The signature as reports name it: {@code 2010935 ET SCAN Suspicious inbound to MSSQL port 1433}. */
    public String describe() {
        return signature.isEmpty() ? String.valueOf(signatureId) : signatureId + " " + signature;
    }
}
