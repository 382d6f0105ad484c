package org.flowscore.cli;

import java.io.PrintWriter;
import java.util.Map;
import org.flowscore.adapt.SiteLogs;
import org.flowscore.labels.Allowlist;
import org.flowscore.labels.LabelPolicy;
import org.flowscore.labels.SiteLabeller;

/** What a site's history held and what its label sources made of it, for stderr. */
final class SiteLabelSummary {
    private SiteLabelSummary() {
    }

    static void print(PrintWriter err, SiteLogs site, SiteLogs.Labelled labelled, Allowlist allowlist,
                      LabelPolicy policy) {
        SiteLogs.Reading r = site.reading();
        err.printf("site        %,d connections in %d %s%s%n", site.connections(), site.streams().size(),
                site.streams().size() == 1 ? "stream" : "streams", site.window().isAll() ? ""
                        : String.format(" (%s; %,d outside)", site.window().describe(), r.outsideWindow()));
        SiteLabeller labeller = labelled.labeller();
        err.printf("alerts      %,d in %d EVE %s, %,d matched a connection%s%n", site.alerts().size(), r.alertFiles(),
                r.alertFiles() == 1 ? "file" : "files", labeller.matchedAlerts(), r.unreadableAlerts() == 0 ? ""
                        : String.format("; %,d unreadable alert lines skipped (first: %s)", r.unreadableAlerts(),
                        r.firstAlertProblem()));
        err.printf("notices     %,d with a uid in %d notice %s%s%s%n", site.notices().size(), r.noticeFiles(),
                r.noticeFiles() == 1 ? "log" : "logs", r.noticesWithoutUid() == 0 ? ""
                        : String.format(", %,d more name no connection (not used)", r.noticesWithoutUid()),
                r.unreadableNotices() == 0 ? "" : String.format("; %,d unreadable lines skipped (first: %s)",
                        r.unreadableNotices(), r.firstNoticeProblem()));
        err.printf("allowlist   %s%n", allowlist.file() == null ? "none" : String.format("%d %s from %s",
                allowlist.entries().size(), allowlist.entries().size() == 1 ? "entry" : "entries", allowlist.file()));
        if (!labeller.localListedSources().isEmpty()) {
            err.printf("            %d of the site's own addresses alerted on by threat-intelligence rules not taken"
                    + " as listed: %s%n", labeller.localListedSources().size(),
                    String.join(", ", labeller.localListedSources()));
        }
        err.println("marked      flows each source of labels marked:");
        for (Map.Entry<String, Long> e : labeller.counts().markedBySource().entrySet()) {
            err.printf("              %-46s %,9d%n", e.getKey(), e.getValue());
        }
        err.println("became      what each flow became:");
        for (Map.Entry<String, Long> e : labeller.counts().byOutcome().entrySet()) {
            err.printf("              %-46s %,9d%n", e.getKey(), e.getValue());
        }
        if (!policy.heldOut().isEmpty()) {
            err.printf("held out    %d %s: %s%n", policy.heldOut().size(),
                    policy.heldOut().size() == 1 ? "signature" : "signatures",
                    String.join(" ", policy.heldOut().stream().sorted().map(String::valueOf).toList()));
        }
        err.flush();
    }
}
