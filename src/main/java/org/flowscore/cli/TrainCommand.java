package org.flowscore.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.flowscore.corpus.Corpus;
import org.flowscore.corpus.CorpusException;
import org.flowscore.corpus.CorpusRecipe;
import org.flowscore.corpus.CorpusTraining;
import org.flowscore.dataset.DatasetLoader;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.LabelledDataset;
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
            "Supervised algorithms learn from labelled rows: NSL-KDD files (the KDDTrain+.txt format), or"
                    + " Zeek/Suricata logs whose connections carry labels (IoT-23's label/detailed-label,"
                    + " Stratosphere's label/detailedlabel, or what 'simulate' writes). Background, Unknown, - and"
                    + " empty labels are unlabelled: those connections feed the feature windows but are neither"
                    + " trained on nor measured; the summary counts them.",
            "",
            "Each --data PATH is one capture, read as one stream. With two or more captures of normal traffic the"
                    + " threshold comes from cross-validation that holds whole captures out (each is scored by a"
                    + " model that never saw its network), as the lowest that flags at most --fp-budget of the"
                    + " held-out normal flows (three times that on any one capture). With one capture it holds"
                    + " attack types out and maximises the balanced accuracy, attack types weighted by the square"
                    + " root of their size.",
            "",
            "isolation-forest learns normal traffic only: your own unlabelled logs, or the normal rows of labelled"
                    + " data. Its threshold flags the given share of the training traffic (--quantile).",
            "",
            "Logs go through the same feature extractor as scoring: train and score with the same feature options."
                    + " Progress and a summary go to stderr. The same data, options and --seed give the same model,"
                    + " byte for byte.",
        },
        footer = {
            "",
            "Algorithms and their options (defaults in brackets):",
            "  random-forest      --trees [100] --max-depth [20] --node-size [5]",
            "                     --mtry [0: square root of the features]",
            "                     --folds [5] --cv-trees [50] --fp-budget [0.005]",
            "  gradient-boosting  --trees [100] --max-depth [20] --node-size [5]",
            "                     --learning-rate [0.1] --folds [5] --cv-trees [100]",
            "                     --fp-budget [0.005]",
            "  logistic           --lambda [0.1] --folds [5] --fp-budget [0.005]",
            "  isolation-forest   --trees [100] --max-depth [0: log2 of 256]",
            "                     --quantile [0.99]",
            "",
            "Examples:",
            "  the built-in default model, models/flowscore-default.zip:",
            "    flowscore train --corpus models/flowscore-default.corpus.yml \\",
            "      --out models/flowscore-default.zip",
            "  the built-in NSL-KDD model, models/nsl-kdd-random-forest.zip:",
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

    @Option(names = "--algorithm", paramLabel = "ALGORITHM", converter = AlgorithmConverter.class,
            description = "random-forest, gradient-boosting, logistic or isolation-forest.")
    Algorithm algorithm;

    @Option(names = "--corpus", paramLabel = "FILE",
            description = "Train as a corpus recipe says instead of --algorithm and --data: its captures (under"
                    + " --shared-data), attacks injected into them, a random forest with its settings. The default"
                    + " model is models/flowscore-default.corpus.yml.")
    Path corpus;

    @Option(names = "--shared-data", paramLabel = "DIR",
            description = "With --corpus: the folder its capture paths are under (default: ../shared/data, or"
                    + " $FLOWSCORE_SHARED_DATA).")
    Path sharedData;

    @Option(names = "--data", arity = "1..*", paramLabel = "PATH",
            description = "Training data, each PATH one capture: NSL-KDD files, or Zeek conn.log / Suricata eve.json"
                    + " files, folders or quoted globs (as for 'features'); - for standard input.")
    List<String> data;

    @Option(names = "--feature-set", paramLabel = "SET", converter = FeatureSetConverter.class,
            description = "nsl-kdd (the 41 NSL-KDD features) or extended (the 41 and the extended ones; logs only)."
                    + " Default: nsl-kdd for NSL-KDD files, extended for logs.")
    FeatureSet featureSet;

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

    @Option(names = "--fp-budget", paramLabel = "SHARE",
            description = "With several captures: the share of held-out normal flows the threshold may flag"
                    + " (default: " + TrainingOptions.DEFAULT_FP_BUDGET + ").")
    Double fpBudget;

    @Option(names = "--local-nets", paramLabel = "CIDR[,CIDR...]", split = ",",
            description = "Address ranges that are local where a log has no local_orig/local_resp (default: RFC 1918,"
                    + " 100.64.0.0/10, 169.254.0.0/16, fc00::/7, fe80::/10).")
    List<String> localNets;

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
        Outputs.requireFileTarget("--out", out);
        if (corpus != null) {
            if (algorithm != null || data != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--corpus says what to train on"
                        + " and how: give it without --algorithm and --data");
            }
            return trainCorpus();
        }
        if (algorithm == null || data == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give --algorithm and --data (or --corpus FILE)");
        }
        TrainingOptions options = options();
        InputOptions input = new InputOptions();
        input.paths = data;
        input.format = format;
        input.strict = strict;
        input.communityIdSeed = communityIdSeed;
        input.localNets = localNets;
        var settings = features.settings();
        var extended = features.extendedSettings();
        PrintWriter err = spec.commandLine().getErr();

        long start = System.nanoTime();
        err.println("loading " + String.join(" ", data));
        err.flush();
        FeatureSet set = featureSet != null ? featureSet : defaultFeatureSet();
        LabelledDataset dataset = new DatasetLoader(set, settings, extended, features.serviceTable(),
                input.readOptions()).loadArguments(data);
        err.printf("read %,d rows from %d %s in %.1f s: %s%n", dataset.rows().size(), dataset.captures().size(),
                dataset.captures().size() == 1 ? "capture" : "captures", seconds(start), composition(dataset));
        DatasetSummary.perCapture(dataset, err);
        err.flush();
        ModelBundle bundle = ModelTrainer.train(dataset, options, settings, extended, line -> {
            err.println(line);
            err.flush();
        });
        bundle.write(out);
        summary(err, bundle.info(), seconds(start));
        return ExitCodes.OK;
    }

    private int trainCorpus() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        Path root = sharedData != null ? sharedData : CorpusOptions.defaultSharedData();
        ModelBundle bundle;
        try {
            CorpusRecipe recipe = CorpusRecipe.read(corpus);
            err.println("loading the " + recipe.captures().size() + " captures of " + corpus + " from " + root);
            err.flush();
            Corpus loaded = Corpus.load(recipe, root, features.settings(), features.extendedSettings());
            bundle = CorpusTraining.train(loaded, java.util.Set.of(), line -> {
                err.println(line);
                err.flush();
            });
        } catch (CorpusException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
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
        check(fpBudget, "--fp-budget", Algorithm.RANDOM_FOREST, Algorithm.GRADIENT_BOOSTING, Algorithm.LOGISTIC);
        String fileName = out.getFileName().toString();
        String modelName = name != null ? name : fileName.endsWith(".zip")
                ? fileName.substring(0, fileName.length() - 4) : fileName;
        TrainingOptions d = TrainingOptions.defaults(algorithm, modelName);
        try {
            return new TrainingOptions(algorithm, modelName, or(seed, d.seed()), or(trees, d.trees()),
                    or(maxDepth, d.maxDepth()), d.maxNodes(), or(nodeSize, d.nodeSize()), or(mtry, d.mtry()),
                    or(learningRate, d.learningRate()), d.subsample(), or(folds, d.folds()), or(cvTrees, d.cvTrees()),
                    or(quantile, d.quantile()), or(lambda, d.lambda()), or(fpBudget, d.fpBudget()), null);
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

    /** NSL-KDD's 41 when every input is an NSL-KDD file, the extended set for logs. */
    private FeatureSet defaultFeatureSet() throws org.flowscore.source.InputException {
        for (var file : org.flowscore.source.InputResolver.resolve(data)) {
            if (!DatasetLoader.isNslKdd(file)) {
                return FeatureSet.EXTENDED;
            }
        }
        return FeatureSet.NSL_KDD;
    }

    private static String composition(LabelledDataset dataset) {
        if (!dataset.labelled()) {
            return "unlabelled connections";
        }
        long attacks = dataset.attacks();
        long types = dataset.rows().stream().filter(LabelledFeatures::isAttack).map(LabelledFeatures::label)
                .distinct().count();
        return String.format("%,d attacks of %d %s, %,d normal%s", attacks, types, types == 1 ? "type" : "types",
                dataset.normals(), dataset.unlabelled() > 0 ? String.format("; %,d unlabelled connections left out",
                        dataset.unlabelled()) : "");
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

    /** Accepts the feature set names of model.json. */
    static final class FeatureSetConverter implements ITypeConverter<FeatureSet> {
        @Override
        public FeatureSet convert(String value) {
            FeatureSet set = FeatureSet.byId(value.toLowerCase(java.util.Locale.ROOT));
            if (set == null) {
                throw new TypeConversionException("'" + value + "' is not a feature set: use nsl-kdd or extended");
            }
            return set;
        }
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
