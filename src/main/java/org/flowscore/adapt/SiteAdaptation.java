package org.flowscore.adapt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.flowscore.calibrate.SiteCalibration;
import org.flowscore.corpus.Corpus;
import org.flowscore.corpus.CorpusException;
import org.flowscore.corpus.CorpusTraining;
import org.flowscore.dataset.DatasetLoader;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.LabelledDataset;
import org.flowscore.features.ServiceTable;
import org.flowscore.flow.Connection;
import org.flowscore.flow.GroundTruth;
import org.flowscore.labels.Allowlist;
import org.flowscore.labels.LabelPolicy;
import org.flowscore.labels.SiteLabeller;
import org.flowscore.labels.SuricataAlert;
import org.flowscore.model.Adaptation;
import org.flowscore.model.ModelBundle;
import org.flowscore.model.ModelException;
import org.flowscore.model.train.ModelTrainer;
import org.flowscore.read.BadLineException;
import org.flowscore.read.ReadOptions;
import org.flowscore.simulate.Injection;
import org.flowscore.source.InputException;

/**
 * A model for one site: the default model's recipe trained on its corpus plus the site's own history, then its
 * threshold fitted to the site's alert budget.
 *
 * <ol>
 *   <li>The site's connections are labelled by the site's word ({@link SiteLabeller}): IDS alerts, notices and
 *       threat-intelligence sources make attacks, the allowlist and everything else benign, informational
 *       alerts and held-out signatures leave flows out.</li>
 *   <li>The history is cut into days ({@link HistorySlices}) that join the corpus as captures of their own:
 *       attacks are injected into each as into the corpus, and the leave-capture-out cross-validation of the
 *       recipe sets the model's own threshold over all of them.</li>
 *   <li>The alert budget is then applied as {@code calibrate} does, on the <em>out-of-fold</em> scores of the
 *       site's benign flows (each day scored by a model that never saw it), never below the model's own
 *       threshold: the final model has seen every day, so its own scores of them would promise too little.
 *       What the budget costs is measured on attacks injected into the history from another seed.</li>
 * </ol>
 * The same corpus, site data and settings give the same bundle, byte for byte.
 */
public final class SiteAdaptation {
    /** Seeds of the measuring injections lie this far from the training ones. */
    static final long MEASURING_SEED_OFFSET = 1_000_003;

    /**
     * @param name      the model's name
     * @param policy    how alerts become labels (held-out signatures are chosen here)
     * @param allowlist traffic the site calls benign
     * @param holdOut   the share of labelling signatures to hide from training, 0 for none
     * @param seed      seeds the held-out choice and the measuring injections
     * @param budget    the site's alert budget
     */
    public record Settings(String name, LabelPolicy policy, Allowlist allowlist, double holdOut, long seed,
                           SiteCalibration.Budget budget) {
    }

    /**
     * @param bundle      the site's model
     * @param labelled    the site's streams as labelled for training, and what the labeller counted
     * @param calibration the threshold for the budget, and the recall of injected attacks it keeps
     */
    public record Result(ModelBundle bundle, SiteLogs.Labelled labelled, SiteCalibration.Result calibration) {
        public Adaptation adaptation() {
            return bundle.info().adaptation();
        }
    }

    private SiteAdaptation() {
    }

    /**
     * The site's history labelled for training.
     *
     * @param labelled   the streams, labelled, and what the labeller counted
     * @param policy     the policy they were labelled by, with the held-out signatures
     * @param candidates how many signatures labelled flows before any was held out
     */
    public record Labels(SiteLogs.Labelled labelled, LabelPolicy policy, int candidates) {
    }

    /** Labels the site's history; with a share to hold out, draws the held-out signatures and labels again. */
    public static Labels label(SiteLogs site, Settings settings, ReadOptions read) {
        LabelPolicy policy = settings.policy();
        SiteLogs.Labelled labelled = site.label(settings.allowlist(), policy, read, false);
        int candidates = labelled.labeller().labellingSignatures().size();
        if (settings.holdOut() > 0) {
            Set<Long> held = HeldOutSignatures.choose(labelled.labeller().labellingSignatures(), settings.holdOut(),
                    settings.seed());
            policy = policy.holdingOut(held);
            labelled = site.label(settings.allowlist(), policy, read, false);
        }
        return new Labels(labelled, policy, candidates);
    }

    public static Result adapt(Corpus corpus, SiteLogs site, Labels labels, Settings settings, ReadOptions read,
                               Consumer<String> progress)
            throws CorpusException, ModelException, InputException, BadLineException {
        SiteLogs.Labelled labelled = labels.labelled();
        List<Corpus.Capture> pieces = new ArrayList<>();
        for (List<Connection> piece : HistorySlices.cut(labelled.streams())) {
            pieces.add(new Corpus.Capture(pieceName(site, piece), piece, true, 0));
        }
        LabelledDataset training = corpus.plus(pieces).training(Set.of());
        progress.accept(String.format("training on %,d rows of %d captures and %d pieces of the site's history"
                + " (%,d attack rows)", training.rows().size(), corpus.captures().size(), pieces.size(),
                training.attacks()));
        ModelTrainer.CrossValidated trained = ModelTrainer.trainCrossValidated(training,
                CorpusTraining.options(corpus.recipe(), settings.name()), corpus.settings(),
                corpus.extendedSettings(), progress);

        int firstSite = corpus.captures().size();
        List<Double> benignScores = new ArrayList<>();
        long siteRows = 0;
        long spanMicros = 0;
        for (int c = firstSite; c < training.captures().size(); c++) {
            LabelledDataset.Capture capture = training.captures().get(c);
            spanMicros += capture.spanMicros();
            for (int i = capture.firstRow(); i < capture.endRow(); i++) {
                siteRows++;
                if (!training.rows().get(i).isAttack()) {
                    benignScores.add(trained.outOfFold()[i]);
                }
            }
        }
        progress.accept("the site's own threshold, on the out-of-fold scores of its benign flows; the recall it"
                + " keeps, on attacks injected into its history from another seed");
        SiteCalibration.History history = new SiteCalibration.History(
                benignScores.stream().mapToDouble(Double::doubleValue).toArray(), spanMicros / 86_400e6,
                site.sha256(), site.streams().stream().map(SiteLogs.Stream::name).toList());
        SiteCalibration.Result calibrated = SiteCalibration.fit(trained.bundle(), history,
                attacked(labelled.streams(), settings.seed(), corpus, read), settings.budget(), progress);

        Adaptation adaptation = record(corpus, site, labels, settings, pieces.size(), benignScores.size(),
                siteRows - benignScores.size());
        ModelBundle bundle = calibrated.bundle().withInfo(calibrated.bundle().info().adapted(adaptation));
        return new Result(bundle, labelled, calibrated);
    }

    /** What model.json says of the site's part. */
    private static Adaptation record(Corpus corpus, SiteLogs site, Labels labels, Settings settings, int pieces,
                                     long benignRows, long attackRows) {
        LabelPolicy policy = labels.policy();
        SiteLabeller labeller = labels.labelled().labeller();
        List<String> allowlist = settings.allowlist().entries().stream()
                .map(e -> e.conditions() + (e.comment().isEmpty() ? "" : " # " + e.comment())).toList();
        return new Adaptation(corpus.recipe().name(), site.sha256(), site.labelsSha256(),
                site.streams().stream().map(SiteLogs.Stream::name).toList(), site.labelFiles(),
                site.window().since(), site.window().until(), site.connections(), pieces, benignRows, attackRows,
                labeller.counts().markedBySource(), labeller.counts().byOutcome(), policy.informational().id(),
                policy.threatIntel().pattern(), allowlist, signatureNames(site.alerts(), policy.heldOut()),
                settings.seed());
    }

    /** A piece of the history by the site data's hash and when its first connection ended. */
    private static String pieceName(SiteLogs site, List<Connection> piece) {
        long first = piece.stream().mapToLong(Connection::endMicros).min().orElseThrow();
        return "site " + site.sha256().substring(0, 12) + " from " + java.time.Instant.ofEpochSecond(
                Math.floorDiv(first, 1_000_000));
    }

    /**
     * The site's streams with {@code simulate}'s attacks injected from the measuring seeds, and every flow the
     * site called an attack or left out unlabelled: only the injected attacks are measured.
     */
    private static LabelledDataset attacked(List<SiteLogs.Stream> streams, long seed, Corpus corpus,
                                            ReadOptions read) throws InputException, BadLineException {
        GroundTruth unlabelled = new GroundTruth("Unknown", "the site's own label, not measured here");
        List<DatasetLoader.Generated> inputs = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            SiteLogs.Stream s = streams.get(i);
            List<Connection> benignOnly = s.connections().stream()
                    .map(c -> c.truth().kind() == GroundTruth.Kind.BENIGN ? c : c.withTruth(unlabelled)).toList();
            long injectionSeed = seed + MEASURING_SEED_OFFSET + i;
            inputs.add(new DatasetLoader.Generated(s.name() + " + injected attacks (seed " + injectionSeed + ")",
                    s.name() + " injected " + injectionSeed, Injection.inject(benignOnly, injectionSeed)));
        }
        return new DatasetLoader(FeatureSet.EXTENDED, corpus.settings(), corpus.extendedSettings(),
                ServiceTable.bundled(), read).load(inputs);
    }

    private static Map<Long, String> signatureNames(List<SuricataAlert> alerts, Set<Long> ids) {
        Map<Long, String> names = new TreeMap<>();
        for (SuricataAlert a : alerts) {
            if (ids.contains(a.signatureId())) {
                names.putIfAbsent(a.signatureId(), a.signature());
            }
        }
        return names;
    }
}
