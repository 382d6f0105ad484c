package org.flowscore.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowscore.dataset.DatasetLoader;
import org.flowscore.dataset.LabelledDataset;
import org.flowscore.features.LabelledFeatures;
import org.flowscore.model.Algorithm;
import org.flowscore.model.ModelBundle;
import org.flowscore.model.ModelInfo;
import org.flowscore.model.train.ModelTrainer;
import org.flowscore.model.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "train",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Trains a model and writes it as a bundle: a .zip holding model.json and the model.",
            "",
            "model.json says what the model is, how it was trained and where its threshold came from.",
            "",
            "Supervised algorithms learn from labelled rows: NSL-KDD files (the",
            "KDDTrain+.txt format), or Zeek/Suricata logs whose connections carry",
            "IoT-23-style labels. Their decision threshold is chosen on the training",
            "data alone, by cross-validation that holds whole attack types out (so it",
            "is set for attacks the model has not seen), maximising the balanced",
            "accuracy with attack types weighted by the square root of their size.",
            "",
            "isolation-forest learns normal traffic only: your own unlabelled logs, or",
            "the normal rows of labelled data. Its threshold flags the given share of",
            "the training traffic (--quantile).",
            "",
            "Logs go through the same feature extractor as scoring: train and score",
            "with the same feature options. Progress and a summary go to stderr. The",
            "same data, options and --seed give the same model, byte for byte.",
        },
        footer = {
            "",
            "Algorithms and their options (defaults in brackets):",
            "  random-forest      --trees [100] --max-depth [20] --node-size [5]",
            "                     --mtry [0: square root of the features]",
            "                     --folds [5] --cv-trees [50]",
            "  gradient-boosting  --trees [100] --max-depth [20] --node-size [5]",
            "                     --learning-rate [0.1] --folds [5] --cv-trees [100]",
            "  logistic           --lambda [0.1] --folds [5]",
            "  isolation-forest   --trees [100] --max-depth [0: log2 of 256]",
            "                     --quantile [0.99]",
            "",
            "Examples:",
            "  the built-in model, models/nsl-kdd-random-forest.zip:",
            "    flowscore train --algorithm random-forest --seed 42 \\",
            "      --data ../shared/data/nsl-kdd/KDDTrain+.txt \\",
            "      --out models/nsl-kdd-random-forest.zip",
            "  a model of your own traffic:",
            "    flowscore train --algorithm isolation-forest --out site.zip \\",
            "      --data '/opt/zeek/logs/2024-04-*/conn.*.log.gz'",
        })
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--algorithm", required = true, paramLabel = "ALGORITHM", converter = AlgorithmConverter.class,
            description = "random-forest, gradient-boosting, logistic or isolation-forest.")
    Algorithm algorithm;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Training data: NSL-KDD files, or Zeek conn.log / Suricata eve.json files, folders or"
                    + " quoted globs (as for 'features'); - for standard input.")
    List<String> data;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL",
            description = "The model bundle to write (a .zip); replaced if it exists.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The model's name in its documents (default: the --out file name without .zip).")
    String name;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of every random choice (default: " + TrainingOptions.DEFAULT_SEED + ").")
    Long seed;

    @Option(names = "--trees", paramLabel = "N", description = "Trees (boosting rounds for gradient-boosting).")
    Integer trees;

    @Option(names = "--max-depth", paramLabel = "N", description = "Maximum tree depth.")
    Integer maxDepth;

    @Option(names = "--node-size", paramLabel = "N", description = "Minimum training rows in a leaf.")
    Integer nodeSize;

    @Option(names = "--mtry", paramLabel = "N", description = "Features tried at each random-forest split.")
    Integer mtry;

    @Option(names = "--learning-rate", paramLabel = "X", description = "Shrinkage of gradient boosting, in (0, 1].")
    Double learningRate;

    @Option(names = "--folds", paramLabel = "N", description = "Cross-validation folds for the threshold.")
    Integer folds;

    @Option(names = "--cv-trees", paramLabel = "N",
            description = "Trees (rounds) of the cross-validation models, which only set the threshold: fewer"
                    + " than --trees makes training faster.")
    Integer cvTrees;

    @Option(names = "--quantile", paramLabel = "Q",
            description = "isolation-forest threshold: this quantile of the training rows' scores.")
    Double quantile;

    @Option(names = "--lambda", paramLabel = "X", description = "L2 penalty of logistic regression.")
    Double lambda;

    @Option(names = "--format", paramLabel = "FORMAT", converter = InputOptions.FormatConverter.class,
            description = "Log format: auto (default), zeek-tsv, zeek-json or suricata-eve. NSL-KDD files are"
                    + " always recognised.")
    InputOptions.FormatChoice format = InputOptions.FormatChoice.auto;

    @Option(names = "--strict", description = "Stop at the first malformed log line instead of skipping it.")
    boolean strict;

    @Option(names = "--community-id-seed", paramLabel = "N",
            description = "Community ID seed, 0-65535 (default: ${DEFAULT-VALUE}).")
    int communityIdSeed = 0;

    @Mixin
    FeatureOptions features;

    @Override
    public Integer call() throws Exception {
        TrainingOptions options = options();
        Path target = out.toAbsolutePath();
        if (Files.isDirectory(target) || target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new UserFacingException("--out " + out + ": " + (Files.isDirectory(target) ? "is a folder"
                    : "the folder " + target.getParent() + " does not exist"));
        }
        InputOptions input = new InputOptions();
        input.paths = data;
        input.format = format;
        input.strict = strict;
        input.communityIdSeed = communityIdSeed;
        var settings = features.settings();
        PrintWriter err = spec.commandLine().getErr();

        long start = System.nanoTime();
        err.println("loading " + String.join(" ", data));
        err.flush();
        LabelledDataset dataset = new DatasetLoader(settings, features.serviceTable(), input.readOptions())
                .load(input.resolve());
        err.printf("read %,d rows from %d %s in %.1f s: %s%n", dataset.rows().size(), dataset.sources().size(),
                dataset.sources().size() == 1 ? "input" : "inputs", seconds(start), composition(dataset));
        err.flush();
        ModelBundle bundle = ModelTrainer.train(dataset, options, settings, line -> {
            err.println(line);
            err.flush();
        });
        bundle.write(out);
        summary(err, bundle.info(), seconds(start));
        return ExitCodes.OK;
    }

    private TrainingOptions options() {
        check(trees, "--trees", Algorithm.RANDOM_FOREST, Algorithm.GRADIENT_BOOSTING, Algorithm.ISOLATION_FOREST);
        check(maxDepth, "--max-depth", Algorithm.RANDOM_FOREST, Algorithm.GRADIENT_BOOSTING,
                Algorithm.ISOLATION_FOREST);
        check(nodeSize, "--node-size", Algorithm.RANDOM_FOREST, Algorithm.GRADIENT_BOOSTING);
        check(mtry, "--mtry", Algorithm.RANDOM_FOREST);
        check(learningRate, "--learning-rate", Algorithm.GRADIENT_BOOSTING);
        check(folds, "--folds", Algorithm.RANDOM_FOREST, Algorithm.GRADIENT_BOOSTING, Algorithm.LOGISTIC);
        check(cvTrees, "--cv-trees", Algorithm.RANDOM_FOREST, Algorithm.GRADIENT_BOOSTING);
        check(quantile, "--quantile", Algorithm.ISOLATION_FOREST);
        check(lambda, "--lambda", Algorithm.LOGISTIC);
        String fileName = out.getFileName().toString();
        String modelName = name != null ? name : fileName.endsWith(".zip")
                ? fileName.substring(0, fileName.length() - 4) : fileName;
        TrainingOptions d = TrainingOptions.defaults(algorithm, modelName);
        try {
            return new TrainingOptions(algorithm, modelName, or(seed, d.seed()), or(trees, d.trees()),
                    or(maxDepth, d.maxDepth()), d.maxNodes(), or(nodeSize, d.nodeSize()), or(mtry, d.mtry()),
                    or(learningRate, d.learningRate()), d.subsample(), or(folds, d.folds()), or(cvTrees, d.cvTrees()),
                    or(quantile, d.quantile()), or(lambda, d.lambda()));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }

    private void check(Object given, String option, Algorithm first, Algorithm... rest) {
        EnumSet<Algorithm> takes = EnumSet.of(first, rest);
        if (given != null && !takes.contains(algorithm)) {
            List<String> names = takes.stream().map(Algorithm::id).toList();
            throw new UserFacingException(option + " applies to " + String.join(" and ", names) + ", not to "
                    + algorithm);
        }
    }

    private static <T> T or(T given, T fallback) {
        return given != null ? given : fallback;
    }

    private static String composition(LabelledDataset dataset) {
        if (!dataset.labelled()) {
            return "unlabelled connections";
        }
        long attacks = dataset.attacks();
        long types = dataset.rows().stream().filter(LabelledFeatures::isAttack).map(LabelledFeatures::label)
                .distinct().count();
        return String.format("%,d attacks of %d %s, %,d normal", attacks, types, types == 1 ? "type" : "types",
                dataset.normals());
    }

    private void summary(PrintWriter err, ModelInfo info, double seconds) throws java.io.IOException {
        Map<String, Double> m = info.trainingMetrics();
        err.printf("wrote %s (%,d bytes) in %.1f s: %s model '%s' version %s%n", out, Files.size(out), seconds,
                info.algorithm(), info.name(), info.version());
        err.printf("  trained on  %,d rows%s%n", info.trainingRows(),
                info.trainingAttacks() > 0 ? String.format(" (%,d attacks)", info.trainingAttacks())
                        : " of normal traffic");
        err.printf("  threshold   %s: %s%n", info.threshold(), info.thresholdRule());
        List<String> measured = new ArrayList<>();
        if (m.containsKey("oofAccuracy")) {
            measured.add(String.format("out-of-fold accuracy %.4f, TPR %.4f, TNR %.4f, AUC %.4f",
                    m.get("oofAccuracy"), m.get("oofTpr"), m.get("oofTnr"), m.get("oofAuc")));
        }
        if (m.containsKey("oobAccuracy")) {
            measured.add(String.format("out-of-bag accuracy %.4f", m.get("oobAccuracy")));
        }
        if (m.containsKey("trainingFlaggedRate")) {
            measured.add(String.format("%.2f%% of the training rows flagged", 100 * m.get("trainingFlaggedRate")));
        }
        if (m.containsKey("labelledAccuracy")) {
            measured.add(String.format("on all labelled rows (attacks unseen by the fit): accuracy %.4f, TPR %.4f,"
                    + " TNR %.4f, AUC %.4f", m.get("labelledAccuracy"), m.get("labelledTpr"), m.get("labelledTnr"),
                    m.get("labelledAuc")));
        }
        for (String line : measured) {
            err.println("  training    " + line);
        }
        if (!info.constantFeatures().isEmpty()) {
            err.println("  left out    " + String.join(", ", info.constantFeatures())
                    + " (the same on every training row)");
        }
        err.flush();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Accepts the algorithm names of model.json. */
    static final class AlgorithmConverter implements ITypeConverter<Algorithm> {
        @Override
        public Algorithm convert(String value) {
            Algorithm a = Algorithm.byId(value.toLowerCase(java.util.Locale.ROOT));
            if (a == null) {
                throw new TypeConversionException("'" + value + "' is not an algorithm: use " + Algorithm.names());
            }
            return a;
        }
    }
}
