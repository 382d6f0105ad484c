package org.flowscore.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.flowscore.calibrate.SiteCalibration;
import org.flowscore.flow.CommunityId;
import org.flowscore.format.ReaderContext;
import org.flowscore.model.Calibration;
import org.flowscore.model.ModelBundle;
import org.flowscore.read.ReadOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "calibrate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Fits a model's threshold to your site's own history and an alert budget.",
            "",
            "Scores the history given with --data (taken as your normal traffic: a few days or a week of your"
                    + " sensor's logs) and writes a copy of the model whose threshold keeps the flows it would flag"
                    + " within the budget: --alerts-per-day at the history's own rate, or --flagged-share of its"
                    + " flows. The threshold is only ever raised above the model's own, which was already set for a"
                    + " false-positive budget across networks. Then it injects simulate's attacks (scan, sweep,"
                    + " flood, brute force, beacon, exfiltration) into the same history and reports how many of each"
                    + " the model catches at its own threshold and at yours: what the quieter threshold costs.",
            "",
            "The copy's model.json records the calibration (budget, history, threshold), and every document scored"
                    + " with it carries flowscore.model.calibration. Each --data PATH is one stream.",
        },
        footer = {
            "",
            "Examples:",
            "  flowscore calibrate --data '/opt/zeek/logs/2024-04-*/' --alerts-per-day 20 \\",
            "      -o site.zip",
            "  flowscore calibrate --model nsl-kdd --data week/ --flagged-share 0.001 \\",
            "      -o site-kdd.zip",
            "  flowscore tail --model site.zip /opt/zeek/logs/current/conn.log",
        })
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    ModelOption modelOption;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "PATH",
            description = "The site's history, each PATH (file, folder, glob) one stream: Zeek conn logs or Suricata"
                    + " eve.json, plain or gzipped.")
    List<String> data;

    @ArgGroup(exclusive = true, multiplicity = "1")
    BudgetOptions budget;

    /** One of the two budgets. */
    static final class BudgetOptions {
        @Option(names = "--alerts-per-day", paramLabel = "N", required = true,
                description = "At most N of the history's flows flagged per day.")
        Double alertsPerDay;

        @Option(names = "--flagged-share", paramLabel = "SHARE", required = true,
                description = "At most this share of the history's flows flagged, e.g. 0.001.")
        Double flaggedShare;

        /** The budget given; a value out of range is a usage error naming the option. */
        SiteCalibration.Budget budget() {
            try {
                return alertsPerDay != null ? new SiteCalibration.AlertsPerDay(alertsPerDay)
                        : new SiteCalibration.FlaggedShare(flaggedShare);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(e.getMessage(), e);
            }
        }
    }

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL",
            description = "The calibrated model bundle to write (a .zip); replaced if it exists.")
    Path out;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the injected attacks (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--local-nets", paramLabel = "CIDR[,CIDR...]", split = ",",
            description = "Your own address ranges, where the logs have no local_orig/local_resp (default: RFC 1918,"
                    + " 100.64.0.0/10, 169.254.0.0/16, fc00::/7, fe80::/10).")
    List<String> localNets;

    @Option(names = "--sensor", paramLabel = "NAME",
            description = "Sensor name of the history (default: ${DEFAULT-VALUE}).")
    String sensor = ReaderContext.DEFAULT_SENSOR;

    @Override
    public Integer call() throws Exception {
        Outputs.requireFileTarget("--out", out);
        SiteCalibration.Budget chosen = budget.budget();
        PrintWriter err = spec.commandLine().getErr();
        ReadOptions defaults = ReadOptions.defaults();
        ReadOptions read = new ReadOptions(null, false, defaults.maxLineBytes(),
                new ReaderContext(sensor, new CommunityId(0), InputOptions.localNetworks(localNets), null));
        ModelBundle bundle = ModelBundle.openNamed(modelOption.model);
        SiteCalibration.Result result = SiteCalibration.calibrate(bundle, data, read, chosen, seed, line -> {
            err.println(line);
            err.flush();
        });
        result.bundle().write(out);
        Calibration c = result.calibration();
        err.printf("wrote %s: %s %s with threshold %s (was %s), calibration %s%n", out, bundle.info().name(),
                bundle.info().version(), result.bundle().info().threshold(), c.modelThreshold(), c.id());
        err.printf("  history     %,d connections over %.2f days, %,d flagged (%.1f a day)%n", c.siteConnections(),
                c.siteDays(), c.flaggedAtThreshold(), c.siteDays() > 0 ? c.flaggedAtThreshold() / c.siteDays() : 0.0);
        err.println("  recall of injected attacks, at the model's threshold -> at the site's:");
        result.recall().forEach((type, r) -> err.printf("    %-12s %.3f -> %.3f%n", type, r[0], r[1]));
        err.flush();
        return ExitCodes.OK;
    }
}
