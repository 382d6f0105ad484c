package org.flowscore.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.flowscore.dataset.DatasetLoader;
import org.flowscore.dataset.LabelledDataset;
import org.flowscore.eval.Evaluation;
import org.flowscore.eval.EvaluationReport;
import org.flowscore.eval.HtmlReport;
import org.flowscore.features.ServiceTable;
import org.flowscore.model.Model;
import org.flowscore.pipeline.ReadOptions;
import org.flowscore.source.InputResolver;
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
            "Prints accuracy, precision, recall, F1, ROC AUC, PR AUC, the confusion matrix, and recall per",
            "attack category (dos, probe, r2l, u2r for NSL-KDD, including the 17 attack names only its test",
            "sets use; per detailed label for labelled logs).",
            "",
            "Labelled data is NSL-KDD files (KDDTest+.txt format) or Zeek logs with IoT-23 label columns,",
            "whose connections go through the same features as scoring.",
        },
        footer = {
            "",
            "Examples:",
            "  flowscore evaluate --data ../shared/data/nsl-kdd/KDDTest+.txt",
            "  flowscore evaluate --model site.zip --data labelled/conn.log.labeled --report eval-report",
            "  flowscore evaluate --data KDDTest-21.txt --json | jq .roc_auc",
        })
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption modelOption;

    @Option(names = "--data", paramLabel = "PATH", required = true, arity = "1..*",
            description = "Labelled data: NSL-KDD files or labelled Zeek logs (files, folders, globs).")
    List<String> data;

    @Option(names = "--json", description = "Print one JSON object instead of the text report.")
    boolean json;

    @Option(names = "--report", paramLabel = "DIR",
            description = "Also write an HTML page with ROC, precision-recall, confusion-matrix, score-histogram"
                    + " and feature-importance plots into DIR.")
    Path reportDir;

    @Override
    public Integer call() throws Exception {
        Model model = modelOption.load();
        LabelledDataset dataset = new DatasetLoader(model.info().featureSettings(), ServiceTable.bundled(),
                ReadOptions.defaults()).load(InputResolver.resolve(data));
        if (!dataset.labelled()) {
            throw new UserFacingException("--data holds no labels: evaluate needs NSL-KDD files or logs with"
                    + " label columns (IoT-23 style); to score unlabelled logs use 'flowscore score'");
        }
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
