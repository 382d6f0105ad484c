package org.flowscore.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.flowscore.adapt.SiteAdaptation;
import org.flowscore.adapt.SiteLogs;
import org.flowscore.allowlist.Allowlist;
import org.flowscore.corpus.Corpus;
import org.flowscore.corpus.CorpusException;
import org.flowscore.corpus.CorpusRecipe;
import org.flowscore.features.ExtendedSettings;
import org.flowscore.features.FeatureSettings;
import org.flowscore.flow.CommunityId;
import org.flowscore.format.ReaderContext;
import org.flowscore.labels.LabelException;
import org.flowscore.model.Adaptation;
import org.flowscore.model.Calibration;
import org.flowscore.model.ModelInfo;
import org.flowscore.read.ReadOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "adapt",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Trains a model for your site: the default model's recipe and training corpus, plus your own history,"
                    + " with the threshold fitted to your alert budget.",
            "",
            "Your history (--data: a few days or a week of your sensor's Zeek conn logs or Suricata eve.json) is"
                    + " taken as benign, minus what your site itself says is not:",
            "- Suricata alerts mark their flow as an attack (detailed label: the rule's category and severity):"
                    + " Suricata flows by flow_id, Zeek connections by Community ID and time. Flows alerted only by"
                    + " informational rules are left out (--info-alerts).",
            "- Zeek notices with a connection uid mark that connection.",
            "- Addresses that threat-intelligence rules (CINS, DShield, Spamhaus DROP, ...) alerted on are hostile:"
                    + " every flow they originate is an attack.",
            "- Allowlisted traffic (--allowlist) is benign, whatever else is said of it.",
            "The output says how many flows each source marked.",
            "",
            "The history is cut into days that join the corpus's captures; attacks are injected into each as into"
                    + " the corpus; the recipe's leave-capture-out cross-validation sets the model's own threshold."
                    + " Your budget then raises it (never lowers it) as 'calibrate' does, judged on the out-of-fold"
                    + " scores of your benign flows: each day scored by a model that never saw it.",
            "",
            "--hold-out-signatures hides a share of the signatures from training; 'flowscore evaluate --ids-labels"
                    + " --model SITE.zip' on your logs then reports the recall on their flows: what the model finds"
                    + " that the IDS did not teach it. model.json records the site data's SHA-256, the row counts,"
                    + " the labels and what was left out. The same inputs and --seed give the same bundle.",
            "",
            "Needs the default model's training corpus: the shared data folder (--shared-data).",
        },
        footer = {
            "",
            "Examples:",
            "  flowscore adapt --data '/opt/zeek/logs/2024-04-*/' \\",
            "      --labels /var/log/suricata/eve.json --alerts-per-day 20 -o site.zip",
            "  flowscore adapt --data eve.json --until 2021-06-07T04:00:00+02:00 \\",
            "      --hold-out-signatures 0.25 --flagged-share 0.01 -o site.zip",
            "  flowscore evaluate --model site.zip --data eve.json \\",
            "      --since 2021-06-07T04:00:00+02:00 --ids-labels",
            "  flowscore tail --model site.zip /opt/zeek/logs/current/conn.log",
        })
final class AdaptCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "PATH",
            description = "The site's history, each PATH (file, folder, glob) one stream: Zeek conn logs or Suricata"
                    + " eve.json, plain or gzipped.")
    List<String> data;

    @Mixin
    SiteLabelOptions site;

    @Option(names = "--hold-out-signatures", paramLabel = "SHARE",
            description = "Hide this share of the signatures that labelled flows (drawn from --seed) from training,"
                    + " so 'evaluate --ids-labels' can measure the model on their flows (default: 0).")
    double holdOut;

    @ArgGroup(exclusive = true, multiplicity = "1")
    CalibrateCommand.BudgetOptions budget;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL",
            description = "The model bundle to write (a .zip); replaced if it exists.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The model's name in its documents (default: the --out file name without .zip).")
    String name;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the held-out signatures and of the attacks injected to measure recall"
                    + " (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--corpus", paramLabel = "FILE",
            description = "The corpus recipe (default: the default model's, " + CorpusRecipe.DEFAULT_RECIPE + ").")
    Path corpus;

    @Option(names = "--shared-data", paramLabel = "DIR",
            description = "The folder the recipe's capture paths are under (default: ../shared/data, or"
                    + " $FLOWSCORE_SHARED_DATA).")
    Path sharedData;

    @Option(names = "--local-nets", paramLabel = "CIDR[,CIDR...]", split = ",",
            description = "Your own address ranges, where the logs have no local_orig/local_resp (default: RFC 1918,"
                    + " 100.64.0.0/10, 169.254.0.0/16, fc00::/7, fe80::/10).")
    List<String> localNets;

    @Override
    public Integer call() throws Exception {
        Outputs.requireFileTarget("--out", out);
        if (!(holdOut >= 0 && holdOut < 1)) {
            throw new UserFacingException("--hold-out-signatures must be in [0, 1), got " + holdOut);
        }
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        ReadOptions defaults = ReadOptions.defaults();
        ReadOptions read = new ReadOptions(null, false, defaults.maxLineBytes(), new ReaderContext(
                ReaderContext.DEFAULT_SENSOR, new CommunityId(0), InputOptions.localNetworks(localNets),
                null));
        String fileName = out.getFileName().toString();
        String modelName = name != null ? name
                : fileName.endsWith(".zip") ? fileName.substring(0, fileName.length() - 4) : fileName;
        Path root = sharedData != null ? sharedData : CorpusOptions.defaultSharedData();
        SiteAdaptation.Result result;
        SiteLogs logs;
        try {
            Allowlist allowlist = site.allowlist();
            SiteAdaptation.Settings settings = new SiteAdaptation.Settings(modelName, site.policy(null), allowlist,
                    holdOut, seed, budget.budget());
            CorpusRecipe recipe = corpus != null ? CorpusRecipe.read(corpus) : CorpusRecipe.defaultRecipe();
            err.println("reading the site's history: " + String.join(" ", data));
            err.flush();
            logs = SiteLogs.read(data, site.labels, site.window(), read);
            SiteAdaptation.Labels labels = SiteAdaptation.label(logs, settings, read);
            SiteLabelSummary.print(err, logs, labels.labelled(), allowlist, site.allowlist, labels.policy());
            if (holdOut > 0) {
                err.printf("            (held out %d of the %d signatures that labelled flows, drawn with seed %d)%n",
                        labels.policy().heldOut().size(), labels.candidates(), seed);
            }
            double readSeconds = seconds(start);
            err.printf("loading the %d captures of the corpus '%s' from %s%n", recipe.captures().size(), recipe.name(),
                    root);
            err.flush();
            Corpus loaded = Corpus.load(recipe, root, FeatureSettings.defaults(), ExtendedSettings.defaults());
            result = SiteAdaptation.adapt(loaded, logs, labels, settings, read, line -> {
                err.println(line);
                err.flush();
            });
            result.bundle().write(out);
            summary(err, result, logs, readSeconds, seconds(start));
        } catch (CorpusException | LabelException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        return ExitCodes.OK;
    }

    private void summary(PrintWriter err, SiteAdaptation.Result result, SiteLogs logs, double readSeconds,
                         double seconds) throws java.io.IOException {
        ModelInfo info = result.bundle().info();
        Adaptation a = result.adaptation();
        Calibration c = info.calibration();
        err.printf("wrote %s (%,d bytes) in %.1f s: %s model '%s' version %s%n", out, Files.size(out), seconds,
                info.algorithm(), info.name(), info.version());
        err.printf("  trained on  %,d rows (%,d attacks); of the site's: %,d benign, %,d attack (IDS labels and"
                + " injected attacks), in %d pieces%n", info.trainingRows(), info.trainingAttacks(),
                a.siteBenignRows(), a.siteAttackRows(), a.siteSlices());
        err.printf("  threshold   %s for %s (the model's own %s: %s)%n", info.threshold(), c.budget(),
                c.modelThreshold(), info.thresholdRule());
        err.printf("  site        %,d of %,d benign flows flagged out of fold over %.2f days (%.1f a day)%n",
                c.flaggedAtThreshold(), c.siteConnections(), c.siteDays(),
                c.siteDays() > 0 ? c.flaggedAtThreshold() / c.siteDays() : 0.0);
        err.println("  recall of attacks injected into the history, at the model's threshold -> at the site's:");
        result.calibration().recall().forEach((type, r) -> err.printf("    %-12s %.3f -> %.3f%n", type, r[0], r[1]));
        err.printf("  rate        %,.0f site connections a second, all in (reading and labelling %.1f s)%n",
                logs.connections() / seconds, readSeconds);
        err.flush();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
