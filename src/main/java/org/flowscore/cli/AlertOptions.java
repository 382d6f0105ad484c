package org.flowscore.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.flowscore.alerts.AlertMode;
import org.flowscore.alerts.AlertSettings;
import org.flowscore.alerts.AlertingOutput;
import org.flowscore.allowlist.Allowlist;
import org.flowscore.allowlist.AllowlistException;
import org.flowscore.allowlist.AllowlistFile;
import org.flowscore.sink.FlowOutput;
import picocli.CommandLine.Option;

/** How alerts are made, for the commands that write the alert stream ({@code score}, {@code backfill}). */
final class AlertOptions {
    @Option(names = "--alerts", paramLabel = "MODE",
            description = "grouped (default): one alert document per host, kind of behaviour (scan, sweep, flood,"
                    + " brute-force, beacon, exfiltration, anomaly) and --alert-window, naming its flows, which carry"
                    + " its id in flowscore.alert.group.id; per-flow: one alert document per flagged flow.")
    String mode = AlertMode.GROUPED.cliName();

    @Option(names = "--alert-window", paramLabel = "D", converter = DurationConverter.class,
            description = "The time window of an alert group, aligned to the epoch so every run cuts time alike"
                    + " (default: 5m).")
    Duration window = AlertSettings.DEFAULT_WINDOW;

    @Option(names = "--allowlist", paramLabel = "FILE",
            description = "A YAML file of flows that are known and wanted (config/allowlist.yml shows the entries):"
                    + " they are still scored and written, marked flowscore.allowlisted, and never alert.")
    Path allowlist;

    /** The settings given, checked. */
    AlertSettings settings() {
        try {
            return AlertSettings.of(AlertMode.parse(mode), window);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException((e.getMessage().contains("mode") ? "--alerts: " : "--alert-window: ")
                    + e.getMessage());
        }
    }

    /** The outputs with alerts made as asked in front of them. */
    AlertingOutput wrap(FlowOutput outputs) {
        Allowlist list = read(allowlist);
        return new AlertingOutput(outputs, settings(), () -> list);
    }

    /** The allowlist in {@code file}, empty for none; a mistake in it is the user's, named with its line. */
    static Allowlist read(Path file) {
        if (file == null) {
            return Allowlist.EMPTY;
        }
        try {
            return AllowlistFile.read(file);
        } catch (AllowlistException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }
}
