package org.flowscore.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.flowscore.alerts.AlertSettings;
import org.flowscore.alerts.AlertingOutput;
import org.flowscore.allowlist.Allowlist;
import org.flowscore.allowlist.AllowlistException;
import org.flowscore.allowlist.WatchedAllowlist;
import org.flowscore.sink.FlowOutput;

/** The allowlist and the alert output of the daemons ({@code tail}, {@code consume}), set up alike for both. */
final class DaemonAlerts {
    private DaemonAlerts() {
    }

    /** The allowlist file watched for changes, or null without one; a mistake in it stops the start. */
    static WatchedAllowlist openAllowlist(String file, PrintWriter err) {
        if (file == null) {
            return null;
        }
        try {
            WatchedAllowlist allowlist = WatchedAllowlist.open(Path.of(file));
            err.println("flowscore: allowlist " + allowlist.file() + "; entries in force: "
                    + allowlist.current().entries().size());
            return allowlist;
        } catch (AllowlistException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    /** The alert output in front of {@code outputs}, reading the allowlist in force at each flow. */
    static AlertingOutput around(FlowOutput outputs, AlertSettings settings, WatchedAllowlist allowlist) {
        return new AlertingOutput(outputs, settings, allowlist == null ? () -> Allowlist.EMPTY : allowlist::current);
    }
}
