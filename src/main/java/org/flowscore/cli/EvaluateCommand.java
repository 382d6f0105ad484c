package org.flowscore.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
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
        },
        footer = {
            "",
            "Examples:",
            "  flowscore evaluate --data ../shared/data/nsl-kdd/KDDTest+.txt",
            "  flowscore evaluate --model site.zip --data labelled/conn.log.labeled \\",
            "      --report eval-report",
            "  flowscore evaluate --data KDDTest-21.txt --json | jq .roc_auc",
        })
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Option(names = "--data", paramLabel = "PATH", required = true, arity = "1..*",
            description = "Labelled data, each PATH one capture: NSL-KDD files or labelled logs (files, folders,"
                    + " globs).")
    List<String> data;

    @Option(names = "--local-nets", paramLabel = "CIDR[,CIDR...]", split = ",",
            description = "Address ranges that are local where a log has no local_orig/local_resp (default: RFC 1918,"
                    + " 100.64.0.0/10, 169.254.0.0/16, fc00::/7, fe80::/10).")
    List<String> localNets;

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
        LabelledDataset dataset = new DatasetLoader(info.featureSet(), info.featureSettings(), info.extendedSettings(),
                ServiceTable.bundled(), read).loadArguments(data);
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
        var out = spec.commandLine().getOut();
        out.print(json ? EvaluationReport.json(evaluation) : EvaluationReport.text(evaluation));
        out.flush();
        if (reportDir != null) {
            Path index = HtmlReport.write(evaluation, reportDir);
            spec.commandLine().getErr().println("report written to " + index);
        }
        return ExitCodes.OK;
    }
}
