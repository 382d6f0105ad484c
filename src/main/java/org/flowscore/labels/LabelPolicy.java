package org.flowscore.labels;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a site's IDS output becomes labels.
 *
 * @param informational what flows alerted only by informational signatures are (see
 *                      {@link SuricataAlert#informational()})
 * @param threatIntel   signatures that list hostile addresses (threat-intelligence and reputation rules): every
 *                      flow from an address they alerted on is an attack
 * @param heldOut       signature ids whose alerts are hidden from training, to measure the model on their flows
 */
public record LabelPolicy(InformationalAlerts informational, Pattern threatIntel, Set<Long> heldOut) {

    /**
     * Emerging Threats' reputation rule sets: CINS Army, Spamhaus DROP and DShield block lists, known compromised
     * hosts, 3CORESec.
     */
    public static final String DEFAULT_THREAT_INTEL = "^(ET|ETPRO) (CINS|DROP|DSHIELD|COMPROMISED|3CORESec)\\b";

    /** What a flow alerted only by informational signatures is. */
    public enum InformationalAlerts {
        /** Neither benign nor an attack: left out of training and of every metric. */
        LEFT_OUT,
        ATTACK,
        BENIGN;

        /** The name users type: {@code left-out}, {@code attack}, {@code benign}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static InformationalAlerts byId(String id) {
            for (InformationalAlerts a : values()) {
                if (a.id().equals(id)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("'" + id + "' is not a choice: use left-out, attack or benign");
        }
    }

    public LabelPolicy {
        if (informational == null || threatIntel == null) {
            throw new IllegalArgumentException("a label policy needs its informational-alert rule and threat-intel"
                    + " pattern");
        }
        heldOut = Set.copyOf(new TreeSet<>(heldOut == null ? Set.of() : heldOut));
    }

    public static LabelPolicy defaults() {
        return of(InformationalAlerts.LEFT_OUT, DEFAULT_THREAT_INTEL, Set.of());
    }

    /**
     * @throws IllegalArgumentException when {@code threatIntel} is not a regular expression
     */
    public static LabelPolicy of(InformationalAlerts informational, String threatIntel, Set<Long> heldOut) {
        try {
            return new LabelPolicy(informational, Pattern.compile(threatIntel), heldOut);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + threatIntel + "' is not a regular expression: "
                    + e.getDescription(), e);
        }
    }

    /** The same policy with these signatures held out. */
    public LabelPolicy holdingOut(Set<Long> signatures) {
        return new LabelPolicy(informational, threatIntel, signatures);
    }

    /** Whether the alert's flow is an attack under this policy (held-out signatures aside). */
    public boolean marksAttack(SuricataAlert alert) {
        return !alert.informational() || informational == InformationalAlerts.ATTACK;
    }

    /** Whether the alert's source address is on a threat-intelligence list. */
    public boolean listsSource(SuricataAlert alert) {
        return alert.sourceIp() != null && threatIntel.matcher(alert.signature()).find();
    }
}
