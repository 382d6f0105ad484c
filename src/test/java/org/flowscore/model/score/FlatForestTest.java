package org.flowscore.model.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.flowscore.features.KddSchema;
import org.flowscore.features.LabelledFeatures;
import org.flowscore.features.NslKddReader;
import org.flowscore.model.BuiltInModel;
import org.flowscore.model.ModelBundle;
import org.flowscore.model.ModelException;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import smile.classification.RandomForest;
import smile.data.Tuple;
import smile.data.type.StructType;

/** The flattened forest of the shipped model against Smile's own prediction, on every row of KDDTest+. */
class FlatForestTest {
    private static RandomForest smile;
    private static ForestScorer scorer;
    private static List<LabelledFeatures> test;

    @BeforeAll
    static void load() throws ModelException, IOException {
        ModelBundle bundle = ModelBundle.openBuiltIn(BuiltInModel.NSL_KDD);
        smile = (RandomForest) bundle.parts().get(ScorerParts.MODEL);
        scorer = (ForestScorer) bundle.model().scorer();
        test = NslKddReader.readAll(SharedData.require("nsl-kdd/KDDTest+.txt"));
    }

    @Test
    void equalsSmilesPosterioriOnEveryTestRow() {
        StructType schema = smile.schema();
        double[] posteriori = new double[2];
        double maxDiff = 0;
        for (LabelledFeatures row : test) {
            double[] x = row.features().values();
            double[] columns = new double[schema.length()];
            for (int j = 0; j < columns.length; j++) {
                columns[j] = x[KddSchema.index(schema.field(j).name())];
            }
            smile.predict(Tuple.of(schema, columns), posteriori);
            maxDiff = Math.max(maxDiff, Math.abs(scorer.score(x) - posteriori[1]));
        }
        assertEquals(22_544, test.size());
        assertTrue(maxDiff <= 1e-9, "max |flat - smile| = " + maxDiff);
        assertEquals(smile.size(), scorer.forest().trees());
        int smileNodes = 0;
        for (var tree : smile.trees()) {
            smileNodes += tree.size();
        }
        assertTrue(scorer.forest().nodes() > smileNodes, "nominal splits take extra nodes, plus one end node");
    }

    @Test
    void contributionsAddUpToTheScore() {
        double[] contribution = new double[KddSchema.COUNT];
        double maxDiff = 0;
        for (LabelledFeatures row : test) {
            double[] x = row.features().values();
            double sum = scorer.forest().contributions(x, contribution);
            for (double c : contribution) {
                sum += c;
            }
            maxDiff = Math.max(maxDiff, Math.abs(sum - scorer.score(x)));
            assertEquals(0.0, contribution[KddSchema.index("num_outbound_cmds")], "a feature the model lacks");
        }
        assertTrue(maxDiff <= 1e-9, "max |bias + contributions - score| = " + maxDiff);
    }

    @Test
    void explanationsNameFeaturesWithTheirValues() {
        LabelledFeatures attack = test.stream().filter(r -> r.label().equals("neptune")).findFirst().orElseThrow();
        double[] x = attack.features().values();
        var why = scorer.explain(x, 3);
        assertEquals(3, why.size());
        for (int k = 0; k < why.size(); k++) {
            int f = KddSchema.index(why.get(k).feature());
            assertEquals(attack.features().format(f), why.get(k).value());
            assertTrue(why.get(k).contribution() > 0);
            if (k > 0) {
                assertTrue(why.get(k - 1).contribution() >= why.get(k).contribution());
            }
        }
        assertTrue(scorer.explain(x, 0).isEmpty());
    }

    @Test
    void importanceIsSmilesPerFeature() {
        double[] importance = scorer.importance();
        assertEquals(KddSchema.COUNT, importance.length);
        assertEquals(0.0, importance[KddSchema.index("num_outbound_cmds")]);
        double[] own = smile.importance();
        StructType schema = smile.schema();
        for (int j = 0; j < own.length; j++) {
            assertEquals(own[j], importance[KddSchema.index(schema.field(j).name())]);
        }
    }
}
