package org.flowscore.cli;

import java.nio.file.Path;
import java.util.List;
import org.flowscore.adapt.TimeWindow;
import org.flowscore.labels.Allowlist;
import org.flowscore.labels.LabelException;
import org.flowscore.labels.LabelPolicy;
import org.flowscore.model.Adaptation;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * What a site says about its own traffic, as {@code adapt} and {@code evaluate --ids-labels} read it: label
 * files beside the logs, an allowlist, how alerts become labels, and the stretch of history taken.
 */
final class SiteLabelOptions {
    @Option(names = "--labels", arity = "1..*", paramLabel = "PATH",
            description = "More label files: Suricata eve.json whose alert events label connections (Suricata flows"
                    + " by flow_id, Zeek connections by Community ID and time), Zeek notice logs (entries with a uid"
                    + " label that connection); files, folders or globs. Alerts in --data EVE files and notice logs"
                    + " in --data folders are read without being named here.")
    List<String> labels = List.of();

    @Option(names = "--allowlist", paramLabel = "FILE",
            description = "Traffic the site calls benign, whatever else is said of it: one entry a line of"
                    + " src=CIDR[,CIDR] dst=CIDR[,CIDR] port=N (any of them) and a # comment.")
    Path allowlist;

    @Option(names = "--info-alerts", paramLabel = "WHAT", converter = InformationalConverter.class,
            description = "What flows alerted only by informational signatures (severity 3 or more, ET/GPL INFO and"
                    + " POLICY rules) are: left-out (neither benign nor attack; the default), attack or benign.")
    LabelPolicy.InformationalAlerts informational;

    @Option(names = "--threat-intel-signatures", paramLabel = "REGEX",
            description = "Signatures that list hostile addresses: every flow from an address they alerted on is an"
                    + " attack (default: " + LabelPolicy.DEFAULT_THREAT_INTEL + ").")
    String threatIntel;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Take connections that ended at or after TIME: a date (2024-04-20, midnight UTC) or an"
                    + " ISO-8601 time (2021-06-07T04:00:00+02:00).")
    String since;

    @Option(names = "--until", paramLabel = "TIME",
            description = "Take connections that ended before TIME (same forms as --since).")
    String until;

    /**
     * The policy the options give; where they say nothing, {@code adapted}'s (the model's own adaptation, or
     * null for the defaults), whose held-out signatures are kept.
     */
    LabelPolicy policy(Adaptation adapted) {
        LabelPolicy.InformationalAlerts info = informational != null ? informational : adapted != null
                ? LabelPolicy.InformationalAlerts.byId(adapted.informationalAlerts())
                : LabelPolicy.InformationalAlerts.LEFT_OUT;
        String pattern = threatIntel != null ? threatIntel : adapted != null ? adapted.threatIntelSignatures()
                : LabelPolicy.DEFAULT_THREAT_INTEL;
        try {
            return LabelPolicy.of(info, pattern, adapted != null ? adapted.heldOutSignatures().keySet() : null);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("--threat-intel-signatures: " + e.getMessage(), e);
        }
    }

    Allowlist allowlist() throws LabelException {
        return allowlist == null ? Allowlist.empty() : Allowlist.read(allowlist);
    }

    TimeWindow window() {
        try {
            return TimeWindow.parse(since, until);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    /** Accepts left-out, attack, benign. */
    static final class InformationalConverter implements ITypeConverter<LabelPolicy.InformationalAlerts> {
        @Override
        public LabelPolicy.InformationalAlerts convert(String value) {
            try {
                return LabelPolicy.InformationalAlerts.byId(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
