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
     * One held-out capture's scores under its fold's model.
     *
     * @param threshold      the fold model's own threshold
     * @param spanDays       the capture's length in days
     * @param benignScores   the capture's benign rows, as it is
     * @param attackScores   its attack rows by label, as it is
     * @param injectedScores the attacks injected into it (another seed than training's), by type
     * @param unlabelled     connections left out as unlabelled
     */
    public record CaptureResult(String capture, double threshold, double spanDays, double[] benignScores,
                                Map<String, double[]> attackScores, Map<String, double[]> injectedScores,
                                long unlabelled) {

        public long benign() {
            return benignScores.length;
        }

        public long benignFlagged() {
            return flagged(benignScores, threshold);
        }

        public double benignFlaggedShare() {
            return benign() == 0 ? Double.NaN : (double) benignFlagged() / benign();
        }

        /** Benign flows flagged per day at the capture's own rate of traffic. */
        public double alertsPerDay() {
            return spanDays <= 0 ? Double.NaN : benignFlagged() / spanDays;
        }

        /** Per attack label of the capture: {rows, detected}. */
        public Map<String, long[]> recall() {
            return recall(attackScores, threshold);
        }

        /** Per injected attack type: {rows, detected}. */
        public Map<String, long[]> injectedRecall() {
            return recall(injectedScores, threshold);
        }

        /** ROC and PR AUC over the capture's own labelled rows. */
        public Metrics metrics() {
            int attacks = attackScores.values().stream().mapToInt(a -> a.length).sum();
            double[] scores = new double[benignScores.length + attacks];
            boolean[] truth = new boolean[scores.length];
            System.arraycopy(benignScores, 0, scores, 0, benignScores.length);
            int k = benignScores.length;
            for (double[] a : attackScores.values()) {
                for (double v : a) {
                    truth[k] = true;
                    scores[k++] = v;
                }
            }
            return Metrics.compute(scores, truth, threshold);
        }

        static Map<String, long[]> recall(Map<String, double[]> scores, double threshold) {
            Map<String, long[]> recall = new TreeMap<>();
            scores.forEach((label, s) -> recall.put(label, new long[] {s.length, flagged(s, threshold)}));
            return recall;
        }

        static long flagged(double[] scores, double threshold) {
            long n = 0;
            for (double v : scores) {
                n += v >= threshold ? 1 : 0;
            }
            return n;
        }
    }

    private DetectionBenchmark() {
    }

    /**
     * The folds' figures, and a fixed model's on the same data (never trained on any of it) for comparison.
     *
     * @param baseline empty without a baseline model
     */
    public record Results(List<CaptureResult> folds, String baselineName, List<CaptureResult> baseline) {
    }

    /** @param baseline a model to score every capture with as it is, for comparison; null for none */
    public static Results run(Corpus corpus, Model baseline, Consumer<String> progress)
            throws CorpusException, ModelException {
        List<CaptureResult> results = new ArrayList<>();
        List<CaptureResult> baselineResults = new ArrayList<>();
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
            if (baseline != null) {
                baselineResults.add(measure(held.name(), baseline, asIs, injected));
            }
            progress.accept(String.format("    %s: benign flagged %s (%,d of %,d), ROC AUC %.3f, %.0f s",
                    held.name(), percent(result.benignFlaggedShare()), result.benignFlagged(), result.benign(),
                    result.metrics().rocAuc(), (System.nanoTime() - start) / 1e9));
        }
        return new Results(results, baseline == null ? null : baseline.info().name(), baselineResults);
    }

    static CaptureResult measure(String name, Model model, LabelledDataset asIs, LabelledDataset injected) {
        FeatureSet set = model.featureSet();
        List<Double> benign = new ArrayList<>();
        Map<String, List<Double>> attacks = new TreeMap<>();
        for (LabelledFeatures r : asIs.rows()) {
            double score = model.scorer().score(r.values(set));
            if (r.isAttack()) {
                attacks.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(score);
            } else {
                benign.add(score);
            }
        }
        Map<String, List<Double>> injectedAttacks = new TreeMap<>();
        for (LabelledFeatures r : injected.rows()) {
            if (r.isAttack() && !attacks.containsKey(r.label())) {
                injectedAttacks.computeIfAbsent(r.label(), k -> new ArrayList<>())
                        .add(model.scorer().score(r.values(set)));
            }
        }
        double spanDays = asIs.captures().getFirst().spanMicros() / 86_400e6;
        return new CaptureResult(name, model.threshold(), spanDays, array(benign), arrays(attacks),
                arrays(injectedAttacks), asIs.unlabelled());
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static Map<String, double[]> arrays(Map<String, List<Double>> values) {
        Map<String, double[]> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, array(v)));
        return out;
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format("%.2f %%", 100 * share);
    }
}
