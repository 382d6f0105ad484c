package org.flowscore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.flowscore.corpus.Corpus;
import org.flowscore.corpus.CorpusException;
import org.flowscore.corpus.CorpusTraining;
import org.flowscore.eval.Metrics;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.LabelledDataset;
import org.flowscore.features.LabelledFeatures;
import org.flowscore.model.Model;
import org.flowscore.model.ModelException;

/**
 * The detection benchmark's protocol: leave one capture out. For each capture of the corpus a model is
 * trained, with the corpus recipe, on every other capture (attacks injected into them); it then scores
 * the held-out capture as it is (benign flagged share, alerts per day at the capture's own rate, recall per
 * attack label, ROC and PR AUC) and the same capture with attacks injected from another seed (recall per
 * injected attack type over a background the model never saw). A model never scores a capture it trained on,
 * and its threshold comes from its own cross-validation on its training captures.
 */
public final class DetectionBenchmark {
    /** The test seed differs from every training seed. */
    static final long TEST_SEED_OFFSET = 1_000_003;

    /**
     * One held-out capture's figures.
     *
     * @param threshold        the fold model's own threshold
     * @param benign           benign rows of the capture as it is
     * @param benignFlagged    of them, at or above the threshold
     * @param spanDays         the capture's length in days
     * @param recall           per attack label of the capture: {rows, detected}
     * @param rocAuc           over the capture's labelled rows; NaN without attacks or without benign rows
     * @param prAuc            average precision, likewise
     * @param unlabelled       connections left out as unlabelled
     * @param injectedRecall   per injected attack type: {rows, detected}
     * @param benignScores     the scores of the benign rows, for curves
     * @param attackScores     the scores of the attack rows, for curves
     */
    public record CaptureResult(String capture, double threshold, long benign, long benignFlagged, double spanDays,
                                Map<String, long[]> recall, double rocAuc, double prAuc, long unlabelled,
                                Map<String, long[]> injectedRecall, double[] benignScores, double[] attackScores) {

        public double benignFlaggedShare() {
            return benign == 0 ? Double.NaN : (double) benignFlagged / benign;
        }

        /** Benign flows flagged per day at the capture's own rate of traffic. */
        public double alertsPerDay() {
            return spanDays <= 0 ? Double.NaN : benignFlagged / spanDays;
        }
    }

    private DetectionBenchmark() {
    }

    public static List<CaptureResult> run(Corpus corpus, Consumer<String> progress)
            throws CorpusException, ModelException {
        List<CaptureResult> results = new ArrayList<>();
        List<Corpus.Capture> captures = corpus.captures();
        for (int i = 0; i < captures.size(); i++) {
            Corpus.Capture held = captures.get(i);
            long start = System.nanoTime();
            progress.accept(String.format("[%d/%d] holding out %s", i + 1, captures.size(), held.name()));
            Model model = CorpusTraining.train(corpus, Set.of(held.name()), line -> progress.accept("    " + line))
                    .model();
            LabelledDataset asIs = corpus.measured(held, null);
            LabelledDataset injected = corpus.measured(held, corpus.recipe().injection().seed() + TEST_SEED_OFFSET + i);
            CaptureResult result = measure(held.name(), model, asIs, injected);
            results.add(result);
            progress.accept(String.format("    %s: benign flagged %s (%,d of %,d), ROC AUC %.3f, %.0f s",
                    held.name(), percent(result.benignFlaggedShare()), result.benignFlagged(), result.benign(),
                    result.rocAuc(), (System.nanoTime() - start) / 1e9));
        }
        return results;
    }

    static CaptureResult measure(String name, Model model, LabelledDataset asIs, LabelledDataset injected) {
        FeatureSet set = model.featureSet();
        double threshold = model.threshold();
        List<LabelledFeatures> rows = asIs.rows();
        double[] scores = new double[rows.size()];
        boolean[] truth = new boolean[rows.size()];
        Map<String, long[]> recall = new TreeMap<>();
        long benign = 0;
        long flagged = 0;
        List<Double> benignScores = new ArrayList<>();
        List<Double> attackScores = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            LabelledFeatures r = rows.get(i);
            scores[i] = model.scorer().score(r.values(set));
            truth[i] = r.isAttack();
            if (r.isAttack()) {
                long[] c = recall.computeIfAbsent(r.label(), k -> new long[2]);
                c[0]++;
                c[1] += scores[i] >= threshold ? 1 : 0;
                attackScores.add(scores[i]);
            } else {
                benign++;
                flagged += scores[i] >= threshold ? 1 : 0;
                benignScores.add(scores[i]);
            }
        }
        Metrics metrics = Metrics.compute(scores, truth, threshold);
        Map<String, long[]> injectedRecall = new TreeMap<>();
        for (LabelledFeatures r : injected.rows()) {
            if (r.isAttack() && !recall.containsKey(r.label())) {
                long[] c = injectedRecall.computeIfAbsent(r.label(), k -> new long[2]);
                c[0]++;
                c[1] += model.scorer().score(r.values(set)) >= threshold ? 1 : 0;
            }
        }
        double spanDays = asIs.captures().getFirst().spanMicros() / 86_400e6;
        return new CaptureResult(name, threshold, benign, flagged, spanDays, recall, metrics.rocAuc(),
                metrics.prAuc(), asIs.unlabelled(), injectedRecall,
                benignScores.stream().mapToDouble(Double::doubleValue).toArray(),
                attackScores.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format("%.2f %%", 100 * share);
    }
}
