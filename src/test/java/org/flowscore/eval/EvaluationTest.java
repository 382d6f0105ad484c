package org.flowscore.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.LabelledDataset;
import org.flowscore.features.KddSchema;
import org.flowscore.features.LabelledFeatures;
import org.flowscore.model.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SYN-error-rate rule (score = serror_rate, threshold 0.5) on KDDTest+. */
class EvaluationTest {
    private static LabelledDataset test;
    private static Evaluation evaluation;

    @BeforeAll
    static void evaluate() throws IOException {
        test = Fixtures.kddTest();
        evaluation = Evaluation.run(Fixtures.serrorRateModel(0.5), test);
    }

    @Test
    void countsAddUp() {
        assertEquals(Fixtures.NSL_KDD_TEST_ROWS, evaluation.rows());
        Confusion c = evaluation.metrics().confusion();
        assertEquals(Fixtures.NSL_KDD_TEST_ROWS, c.total());
        assertEquals(Fixtures.NSL_KDD_TEST_ATTACKS, c.attacks());
        assertEquals(Fixtures.NSL_KDD_TEST_ATTACKS, total(evaluation.perCategory(), AttackRecall::count));
        assertEquals(Fixtures.NSL_KDD_TEST_ATTACKS, total(evaluation.perLabel(), AttackRecall::count));
        assertEquals(c.tp(), total(evaluation.perCategory(), AttackRecall::detected));
        assertEquals(c.tp(), total(evaluation.perLabel(), AttackRecall::detected));
        assertEquals(37, evaluation.perLabel().size());
    }

    /** Counted with awk over the file: {@code $25 >= 0.5} split by the label column. */
    @Test
    void confusionAndCategoriesAsCountedOutsideJava() {
        assertEquals(new Confusion(9_686, 25, 10_600, 2_233), evaluation.metrics().confusion());
        assertEquals(List.of(new AttackRecall("dos", 7_460, 1_983), new AttackRecall("probe", 2_421, 240),
                new AttackRecall("r2l", 2_885, 10), new AttackRecall("u2r", 67, 0)), evaluation.perCategory());
    }

    @Test
    void rocAreaAgreesWithTheRankSumOverTheHundredRateValues() {
        long[] attacks = new long[101];
        long[] normals = new long[101];
        for (LabelledFeatures row : test.rows()) {
            int v = (int) Math.round(row.features().get(KddSchema.SERROR_RATE) * 100);
            (row.isAttack() ? attacks : normals)[v]++;
        }
        double wins = 0;
        long normalsBelow = 0;
        for (int v = 0; v <= 100; v++) {
            wins += attacks[v] * (normalsBelow + 0.5 * normals[v]);
            normalsBelow += normals[v];
        }
        double expected = wins / ((double) Fixtures.NSL_KDD_TEST_ATTACKS * (Fixtures.NSL_KDD_TEST_ROWS
                - Fixtures.NSL_KDD_TEST_ATTACKS));
        assertEquals(expected, evaluation.metrics().rocAuc(), 1e-12);
        assertEquals(0.6224191813880108, evaluation.metrics().rocAuc(), 1e-12);
        assertEquals(0.6751831035896934, evaluation.metrics().prAuc(), 1e-12);
    }

    @Test
    void perLabelRecallMatchesTheRows() {
        TreeMap<String, long[]> expected = new TreeMap<>();
        for (LabelledFeatures row : test.rows()) {
            if (row.isAttack()) {
                long[] c = expected.computeIfAbsent(row.label(), k -> new long[2]);
                c[0]++;
                c[1] += row.features().get(KddSchema.SERROR_RATE) >= 0.5 ? 1 : 0;
            }
        }
        assertEquals(List.copyOf(expected.keySet()), evaluation.perLabel().stream().map(AttackRecall::name).toList());
        for (AttackRecall r : evaluation.perLabel()) {
            assertEquals(expected.get(r.name())[0], r.count(), r.name());
            assertEquals(expected.get(r.name())[1], r.detected(), r.name());
        }
        AttackRecall neptune = evaluation.perLabel().stream().filter(r -> r.name().equals("neptune")).findFirst()
                .orElseThrow();
        assertEquals(4_657, neptune.count());
    }

    @Test
    void rowsScoresAndImportanceAreKept() {
        assertEquals(test.rows().get(0).features().get(KddSchema.SERROR_RATE), evaluation.score(0));
        assertEquals(test.rows().get(0).label(), evaluation.label(0));
        assertEquals(test.rows().get(0).isAttack(), evaluation.isAttack(0));
        assertEquals(List.of("serror_rate", "dst_host_serror_rate", "count", "src_bytes", "duration"),
                evaluation.importance().stream().limit(5).map(FeatureImportance::feature).toList());
        assertEquals(KddSchema.COUNT, evaluation.importance().size());
        ScoreHistogram h = evaluation.histogram(20);
        assertEquals(20, h.bins().size());
        assertEquals(evaluation.metrics().confusion().normals(), h.normals());
        assertEquals(Fixtures.NSL_KDD_TEST_ATTACKS, h.attacks());
        assertEquals(1.0, h.bins().getLast().high());
    }

    @Test
    void attackLabelsOutsideNslKddAreTheirOwnCategories() {
        LabelledDataset log = Fixtures.dataset(List.of(
                Fixtures.row(0.9, "PartOfAHorizontalPortScan"), Fixtures.row(0.2, "PartOfAHorizontalPortScan"),
                Fixtures.row(0.7, "C&C"), Fixtures.row(0.1, "normal"), Fixtures.row(0.6, "normal")));
        Evaluation e = Evaluation.run(Fixtures.serrorRateModel(0.5), log);
        List<AttackRecall> expected = List.of(new AttackRecall("C&C", 1, 1),
                new AttackRecall("PartOfAHorizontalPortScan", 2, 1));
        assertEquals(expected, e.perCategory());
        assertEquals(expected, e.perLabel());
        assertEquals(new Confusion(1, 1, 1, 2), e.metrics().confusion());
    }

    @Test
    void unlabelledLogsEvaluateWithoutAttacks() {
        LabelledDataset log = LabelledDataset.of(FeatureSet.NSL_KDD, List.of(Fixtures.row(0.1, "normal"), Fixtures.row(0.8, "normal")),
                false, "0".repeat(64), List.of("conn.log"));
        Evaluation e = Evaluation.run(Fixtures.serrorRateModel(0.5), log);
        assertEquals(List.of(), e.perCategory());
        assertTrue(Double.isNaN(e.metrics().rocAuc()));
        assertEquals(new Confusion(1, 1, 0, 0), e.metrics().confusion());
    }

    @Test
    void aScorerWithTheWrongImportanceCountIsAnError() {
        Model model = new Model(Fixtures.info("short", 0.5),
                new Fixtures.FeatureScorer(KddSchema.SERROR_RATE, new double[3]));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Evaluation.run(model, Fixtures.dataset(List.of(Fixtures.row(0.1, "normal")))));
        assertEquals("the scorer gave 3 feature importances, expected 41", e.getMessage());
    }

    private static long total(List<AttackRecall> rows, ToLongFunction<AttackRecall> field) {
        return rows.stream().mapToLong(field).sum();
    }
}
