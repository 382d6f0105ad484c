package org.flowscore.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.flowscore.adapt.SiteLogs;
import org.flowscore.adapt.TimeWindow;
import org.flowscore.eval.AttackRecall;
import org.flowscore.eval.Confusion;
import org.flowscore.labels.Allowlist;
import org.flowscore.labels.LabelException;
import org.flowscore.labels.LabelPolicy;
import org.flowscore.labels.SiteLabeller;
import org.flowscore.model.Adaptation;
import org.flowscore.model.ModelBundle;
import org.flowscore.simulate.Injection;
import org.flowscore.dataset.DatasetLoader;
import org.flowscore.eval.Evaluation;
import org.flowscore.eval.EvaluationReport;
import org.flowscore.eval.HtmlReport;
import org.flowscore.features.LabelledDataset;
import org.flowscore.features.ServiceTable;
import org.flowscore.flow.CommunityId;
import org.flowscore.format.ReaderContext;
import org.flowscore.model.Model;
import org.flowscore.model.ModelInfo;
import org.flowscore.read.ReadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measures a model on labelled data.",
            "",
            "Prints accuracy, precision, recall, F1, ROC AUC, PR AUC, the confusion matrix, and recall per attack"
                    + " category (dos, probe, r2l, u2r for NSL-KDD, including the 17 attack names only its test sets"
                    + " use; per detailed label for labelled logs).",
            "",
            "Labelled data is NSL-KDD files (KDDTest+.txt format) or logs with IoT-23 or Stratosphere label columns,"
                    + " whose connections go through the same features as scoring; each --data PATH is one capture,"
                    + " read as one stream. Background, Unknown, - and empty labels are unlabelled: left out of"
                    + " every metric, and counted.",
            "",
            "With --ids-labels the logs are labelled as 'adapt' labels a site's history: Suricata alerts, Zeek notices"
                    + " and threat-intelligence sources mark attacks, the allowlist and the rest is benign. A model"
                    + " made by 'adapt --hold-out-signatures' then reports its recall on the flows of the signatures"
                    + " it never saw (the label 'held-out signatures'); --held-out-of MODEL measures another model"
                    + " (the default, say) on the same flows. --inject-attacks injects simulate's attacks into each"
                    + " --data stream first, as bench --detection does, and reports their recall beside.",
        },
        footer = {
            "",
            "Examples:",
            "  flowscore evaluate --data ../shared/data/nsl-kdd/KDDTest+.txt",
            "  flowscore evaluate --model site.zip --data labelled/conn.log.labeled \\",
            "      --report eval-report",
            "  flowscore evaluate --data KDDTest-21.txt --json | jq .roc_auc",
            "  flowscore evaluate --model site.zip --data eve.json \\",
            "      --since 2021-06-07T04:00:00+02:00 --ids-labels",
            "  flowscore evaluate --model site.zip --data next-day/ --ids-labels \\",
            "      --inject-attacks 7",
        })
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Option(names = "--data", paramLabel = "PATH", required = true, arity = "1..*",
            description = "Labelled data, each PATH one capture: NSL-KDD files or labelled logs (files, folders,"
                    + " globs); with --ids-labels, a site's logs.")
    List<String> data;

    @Option(names = "--local-nets", paramLabel = "CIDR[,CIDR...]", split = ",",
            description = "Address ranges that are local where a log has no local_orig/local_resp (default: RFC 1918,"
                    + " 100.64.0.0/10, 169.254.0.0/16, fc00::/7, fe80::/10).")
    List<String> localNets;

    @Option(names = "--ids-labels",
            description = "Label the logs by the site's IDS, notices, threat-intelligence sources and allowlist.")
    boolean idsLabels;

    @picocli.CommandLine.Mixin
    SiteLabelOptions site;

    @Option(names = "--held-out-of", paramLabel = "MODEL",
            description = "With --ids-labels: the signatures MODEL's adaptation held out (and its label policy), to"
                    + " measure this model on the same flows (default: the model's own, when it is adapted).")
    String heldOutOf;

    @Option(names = "--inject-attacks", paramLabel = "SEED",
            description = "Inject simulate's attacks, drawn from SEED, into each --data stream (logs only).")
    Long injectSeed;

    @Option(names = "--json", description = "Print one JSON object instead of the text report.")
    boolean json;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write an HTML page with ROC, precision-recall, confusion-matrix, score-histogram"
                    + " and feature-importance plots into DIR.")
    Path reportDir;

    @Override
    public Integer call() throws Exception {
        Model model = modelOption.load();
        ReadOptions read = ReadOptions.defaults();
        read = new ReadOptions(read.format(), read.strict(), read.maxLineBytes(), new ReaderContext(
                ReaderContext.DEFAULT_SENSOR, new CommunityId(0), InputOptions.localNetworks(localNets), null));
        ModelInfo info = model.info();
        DatasetLoader loader = new DatasetLoader(info.featureSet(), info.featureSettings(), info.extendedSettings(),
                ServiceTable.bundled(), read);
        // An adapted model is always measured through the site's reading, which knows whether these logs are the
        // history it was trained on.
        boolean sitePath = idsLabels || injectSeed != null || site.since != null || site.until != null
                || info.adaptation() != null;
        if (!idsLabels && (heldOutOf != null || site.allowlist != null || !site.labels.isEmpty()
                || site.informational != null || site.threatIntel != null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--held-out-of, --labels,"
                    + " --allowlist, --info-alerts and --threat-intel-signatures label logs by the site's word: give"
                    + " them with --ids-labels");
        }
        LabelledDataset dataset = sitePath ? loader.load(siteInputs(info, read)) : loader.loadArguments(data);
        if (!dataset.labelled()) {
            throw new UserFacingException("--data holds no labels: evaluate needs NSL-KDD files or logs with"
                    + " label columns (IoT-23 or Stratosphere style, or simulate's); to score unlabelled logs use"
                    + " 'flowscore score'");
        }
        DatasetSummary.perCapture(dataset, spec.commandLine().getErr());
        if (dataset.rows().isEmpty()) {
            throw new UserFacingException("--data holds no rows to evaluate on");
        }
        Evaluation evaluation = Evaluation.run(model, dataset);
        if (idsLabels) {
            siteFigures(evaluation, spec.commandLine().getErr());
        }
        var out = spec.commandLine().getOut();
        out.print(json ? EvaluationReport.json(evaluation) : EvaluationReport.text(evaluation));
        out.flush();
        if (reportDir != null) {
            Path index = HtmlReport.write(evaluation, reportDir);
            spec.commandLine().getErr().println("report written to " + index);
        }
        return ExitCodes.OK;
    }

    /** Each --data stream as one capture: labelled by the site's word or by the log, attacks injected if asked. */
    private List<DatasetLoader.Generated> siteInputs(ModelInfo info, ReadOptions read) throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        TimeWindow window = site.window();
        try {
            SiteLogs logs = SiteLogs.read(data, idsLabels ? site.labels : List.of(), window, read);
            refuseIfTrainedOn(info.adaptation(), logs);
            List<SiteLogs.Stream> streams = logs.streams();
            if (idsLabels) {
                Adaptation adapted = heldOutOf != null ? adaptationOf(heldOutOf) : info.adaptation();
                LabelPolicy policy = site.policy(adapted);
                Allowlist allowlist = site.allowlist();
                SiteLogs.Labelled labelled = logs.label(allowlist, policy, read, true);
                SiteLabelSummary.print(err, logs, labelled, allowlist, policy);
                streams = labelled.streams();
            }
            List<DatasetLoader.Generated> inputs = new ArrayList<>();
            for (int i = 0; i < streams.size(); i++) {
                SiteLogs.Stream s = streams.get(i);
                if (injectSeed == null) {
                    inputs.add(new DatasetLoader.Generated(s.name(), s.name() + " " + logs.sha256(), s.connections()));
                } else {
                    long seed = injectSeed + i;
                    inputs.add(new DatasetLoader.Generated(s.name() + " + injected attacks (seed " + seed + ")",
                            s.name() + " " + logs.sha256() + " injected " + seed,
                            Injection.inject(s.connections(), seed)));
                }
            }
            return inputs;
        } catch (LabelException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    private static Adaptation adaptationOf(String model) throws Exception {
        Adaptation adaptation = ModelBundle.openNamed(model).info().adaptation();
        if (adaptation == null) {
            throw new UserFacingException("--held-out-of " + model + ": not a model made by 'flowscore adapt'");
        }
        return adaptation;
    }

    /** Benign flows the model trained on say nothing of what it will flag: a measurement on them is refused. */
    private static void refuseIfTrainedOn(Adaptation adaptation, SiteLogs logs) {
        if (adaptation != null && adaptation.siteDataSha256().equals(logs.sha256())
                && TimeWindow.parse(adaptation.since(), adaptation.until()).overlaps(logs.window())) {
            throw new UserFacingException("these logs, in this time window, are part of the history the model was"
                    + " adapted on (" + TimeWindow.parse(adaptation.since(), adaptation.until()).describe()
                    + "): its benign flows were trained on. Measure on another stretch (--since/--until) or another"
                    + " day's logs");
        }
    }

    /** The figures of a site's own labels: its benign flows flagged, and the held-out signatures' recall. */
    private static void siteFigures(Evaluation evaluation, PrintWriter err) {
        Confusion c = evaluation.metrics().confusion();
        err.printf("benign flows flagged: %,d of %,d (%.2f %%)%n", c.fp(), c.normals(),
                c.normals() == 0 ? 0.0 : 100.0 * c.fp() / c.normals());
        for (AttackRecall r : evaluation.perLabel()) {
            if (r.name().equals(SiteLabeller.HELD_OUT_LABEL)) {
                err.printf("held-out signatures: recall %.3f (%,d of %,d flows, never trained on)%n", r.recall(),
                        r.detected(), r.count());
            }
        }
        err.flush();
    }
}
