package org.flowscore.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.FeatureSettings;
import org.flowscore.features.KddSchema;
import org.flowscore.features.LabelledDataset;
import org.flowscore.features.LabelledFeatures;
import org.flowscore.features.NslKddReader;
import org.flowscore.model.Algorithm;
import org.flowscore.model.Model;
import org.flowscore.model.ModelBundle;
import org.flowscore.model.ModelException;
import org.flowscore.model.score.BoostingScorer;
import org.flowscore.model.score.Contribution;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every algorithm on a small real sample: reproducible, scores in [0, 1], explanations of real features. */
class AlgorithmsTest {
    private static LabelledDataset sample;
    private static List<LabelledFeatures> test;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws IOException {
        List<LabelledFeatures> rows = NslKddReader.readAll(SharedData.require("nsl-kdd/KDDTrain+_20Percent.txt"));
        sample = dataset(rows.subList(0, 4000));
        test = NslKddReader.readAll(SharedData.require("nsl-kdd/KDDTest+.txt")).subList(0, 2000);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void trainsReproduciblyAndScoresInRange(Algorithm algorithm) throws Exception {
        TrainingOptions options = small(algorithm, 7);
        ModelBundle first = ModelTrainer.train(sample, options, FeatureSettings.defaults(), null, line -> { });
        ModelBundle second = ModelTrainer.train(sample, options, FeatureSettings.defaults(), null, line -> { });
        assertArrayEquals(first.toBytes(), second.toBytes(), "same data, options and seed, same bytes");

        Path file = tmp.resolve(algorithm.id() + ".zip");
        first.write(file);
        Model trained = first.model();
        Model loaded = ModelBundle.read(file);
        assertEquals(trained.info(), loaded.info());
        assertEquals(algorithm.id(), loaded.info().algorithm());
        assertTrue(loaded.threshold() > 0 && loaded.threshold() < 1, "threshold " + loaded.threshold());

        int explained = 0;
        for (LabelledFeatures row : test) {
            double[] x = row.features().values();
            double score = loaded.scorer().score(x);
            assertEquals(trained.scorer().score(x), score, "loaded model scores as trained");
            assertTrue(score >= 0 && score <= 1, algorithm + " score " + score);
            if (loaded.isAttack(score) && explained < 20) {
                explained++;
                List<Contribution> why = loaded.scorer().explain(x, 3);
                assertTrue(!why.isEmpty() && why.size() <= 3, why.toString());
                for (Contribution c : why) {
                    int f = KddSchema.index(c.feature());
                    assertEquals(row.features().format(f), c.value());
                    assertTrue(c.contribution() > 0, c.toString());
                }
            }
        }
        assertEquals(20, explained, "flows called attacks among the test rows");

        double[] importance = loaded.scorer().importance();
        assertEquals(KddSchema.COUNT, importance.length);
        for (double v : importance) {
            assertTrue(v >= 0 && Double.isFinite(v), "importance " + v);
        }
        for (String constant : loaded.info().constantFeatures()) {
            assertEquals(0.0, importance[KddSchema.index(constant)], constant);
        }
        assertTrue(loaded.info().constantFeatures().contains("num_outbound_cmds"));
    }

    @Test
    void anotherSeedGivesAnotherForest() throws ModelException {
        ModelBundle a = ModelTrainer.train(sample, small(Algorithm.RANDOM_FOREST, 7), FeatureSettings.defaults(), null,
                line -> { });
        ModelBundle b = ModelTrainer.train(sample, small(Algorithm.RANDOM_FOREST, 8), FeatureSettings.defaults(), null,
                line -> { });
        assertNotEquals(a.info().version(), b.info().version());
    }

    @Test
    void supervisedModelsRecordTheirCrossValidation() throws ModelException {
        List<String> progress = new ArrayList<>();
        ModelBundle bundle = ModelTrainer.train(sample, small(Algorithm.RANDOM_FOREST, 7), FeatureSettings.defaults(),
                null, progress::add);
        var info = bundle.info();
        assertTrue(info.thresholdRule().contains("3-fold leave-attack-type-out"), info.thresholdRule());
        assertEquals(4000, info.trainingRows());
        assertEquals(sample.attacks(), info.trainingAttacks());
        for (String metric : List.of("oofAccuracy", "oofTpr", "oofTnr", "oofAuc", "oobAccuracy")) {
            double v = info.trainingMetrics().get(metric);
            assertTrue(v > 0.5 && v <= 1, metric + " " + v);
        }
        assertEquals(3, ((Number) info.parameters().get("folds")).intValue());
        assertEquals(10, ((Number) info.parameters().get("cvTrees")).intValue());
        assertEquals(20, ((Number) info.parameters().get("trees")).intValue());
        assertTrue(progress.get(0).startsWith("cross-validation for the threshold: 3-fold"), progress.toString());
        assertTrue(progress.get(3).startsWith("  fold 3/3: trained on"), progress.toString());
        assertTrue(progress.get(4).startsWith("final fit on all 4,000 rows"), progress.toString());
    }

    @Test
    void oneAttackTypeFallsBackToStratifiedFolds() throws ModelException {
        List<LabelledFeatures> rows = sample.rows().stream()
                .filter(r -> !r.isAttack() || r.label().equals("neptune")).toList();
        ModelBundle bundle = ModelTrainer.train(dataset(rows), small(Algorithm.LOGISTIC, 7),
                FeatureSettings.defaults(), null, line -> { });
        assertTrue(bundle.info().thresholdRule().contains("3-fold stratified cross-validation (the data has one"
                + " attack type"), bundle.info().thresholdRule());
    }

    @Test
    void isolationForestLearnsTheNormalRowsOnly() throws ModelException {
        ModelBundle bundle = ModelTrainer.train(sample, small(Algorithm.ISOLATION_FOREST, 7),
                FeatureSettings.defaults(), null, line -> { });
        var info = bundle.info();
        assertEquals(sample.normals(), info.trainingRows());
        assertEquals(0, info.trainingAttacks());
        assertTrue(info.thresholdRule().startsWith("the 0.99 quantile of the "), info.thresholdRule());
        double flagged = info.trainingMetrics().get("trainingFlaggedRate");
        assertTrue(flagged >= 0.009 && flagged <= 0.011, "flagged " + flagged);
        assertTrue(info.trainingMetrics().get("labelledAuc") > 0.8, info.trainingMetrics().toString());
    }

    @Test
    void supervisedAlgorithmsRefuseUnlabelledOrOneClassData() {
        LabelledDataset unlabelled = LabelledDataset.of(FeatureSet.NSL_KDD, sample.rows().stream().filter(r -> !r.isAttack()).toList(),
                false, "0", List.of("conn.log"));
        ModelException e = assertThrows(ModelException.class, () -> ModelTrainer.train(unlabelled,
                small(Algorithm.RANDOM_FOREST, 7), FeatureSettings.defaults(), null, line -> { }));
        assertTrue(e.getMessage().contains("these logs carry no labels") && e.getMessage().contains(
                "--algorithm isolation-forest"), e.getMessage());
        LabelledDataset normalOnly = dataset(unlabelled.rows());
        e = assertThrows(ModelException.class, () -> ModelTrainer.train(normalOnly,
                small(Algorithm.GRADIENT_BOOSTING, 7), FeatureSettings.defaults(), null, line -> { }));
        assertTrue(e.getMessage().startsWith("gradient-boosting needs at least 2 attack rows and 2 normal rows"),
                e.getMessage());
        LabelledDataset attacksOnly = dataset(sample.rows().stream().filter(LabelledFeatures::isAttack).toList());
        e = assertThrows(ModelException.class, () -> ModelTrainer.train(attacksOnly,
                small(Algorithm.ISOLATION_FOREST, 7), FeatureSettings.defaults(), null, line -> { }));
        assertTrue(e.getMessage().startsWith("isolation-forest learns normal traffic, and the data has 0 normal rows"),
                e.getMessage());
    }

    @Test
    void boostingContributionsAreLogOdds() throws ModelException {
        Model model = ModelTrainer.train(sample, small(Algorithm.GRADIENT_BOOSTING, 7), FeatureSettings.defaults(), null,
                line -> { }).model();
        BoostingScorer scorer = (BoostingScorer) model.scorer();
        List<double[]> moderate = test.stream().map(r -> r.features().values())
                .filter(x -> scorer.score(x) > 1e-4 && scorer.score(x) < 1 - 1e-4).toList();
        assertTrue(moderate.size() > 50, "rows with moderate scores: " + moderate.size());
        double[] a = moderate.getFirst();
        for (double[] b : moderate) {
            double contributionGap = sum(scorer.contributions(b)) - sum(scorer.contributions(a));
            assertEquals(logit(scorer.score(b)) - logit(scorer.score(a)), contributionGap, 1e-6);
        }
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    /** Small and quick settings for {@code algorithm}. */
    private static TrainingOptions small(Algorithm algorithm, long seed) {
        TrainingOptions d = TrainingOptions.defaults(algorithm, "test-" + algorithm.id());
        int trees = algorithm == Algorithm.GRADIENT_BOOSTING ? 30 : 20;
        return new TrainingOptions(algorithm, d.name(), seed, trees, d.maxDepth(), d.maxNodes(), d.nodeSize(),
                d.mtry(), d.learningRate(), d.subsample(), 3, algorithm == Algorithm.RANDOM_FOREST ? 10 : trees,
                d.quantile(), d.lambda(), d.fpBudget(), null);
    }

    private static LabelledDataset dataset(List<LabelledFeatures> rows) {
        return LabelledDataset.of(FeatureSet.NSL_KDD, List.copyOf(rows), true, "sample", List.of("KDDTrain+_20Percent.txt"));
    }
}
