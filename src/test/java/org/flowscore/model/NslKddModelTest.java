package org.flowscore.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.flowscore.features.KddSchema;
import org.flowscore.features.LabelledFeatures;
import org.flowscore.features.NslKddReader;
import org.flowscore.model.train.Metrics;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped NSL-KDD model: what models/README.md promises about it. */
class NslKddModelTest {
    private static Model model;

    @BeforeAll
    static void load() throws ModelException {
        model = ModelBundle.openBuiltIn(BuiltInModel.NSL_KDD).model();
    }

    @Test
    void meetsTheAccuracyTargetsOnTheTestSets() throws IOException {
        double[] plus = evaluate("nsl-kdd/KDDTest+.txt");
        double[] hard = evaluate("nsl-kdd/KDDTest-21.txt");
        assertTrue(plus[0] >= 0.85, "KDDTest+ accuracy " + plus[0]);
        assertTrue(plus[1] >= 0.96, "KDDTest+ ROC AUC " + plus[1]);
        assertTrue(hard[0] >= 0.70, "KDDTest-21 accuracy " + hard[0]);
    }

    @Test
    void thresholdIsTheOneInModelJson() throws IOException {
        JsonNode json;
        try (ZipFile zip = new ZipFile(Path.of(BuiltInModel.NSL_KDD.resource()).toFile())) {
            json = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("model.json")));
        }
        assertEquals(json.get("threshold").doubleValue(), model.threshold());
        assertEquals(0.038, model.threshold());
        assertTrue(model.info().thresholdRule().contains("leave-attack-type-out"), model.info().thresholdRule());
        assertTrue(model.isAttack(model.threshold()));
        assertTrue(!model.isAttack(Math.nextDown(model.threshold())));
    }

    @Test
    void describesItsTraining() {
        ModelInfo info = model.info();
        assertEquals("nsl-kdd-random-forest", info.name());
        assertEquals("random-forest", info.algorithm());
        assertEquals(ModelInfo.currentSmileVersion(), info.smileVersion());
        assertEquals(KddSchema.NAMES, info.features());
        assertEquals(List.of("num_outbound_cmds"), info.constantFeatures());
        assertEquals("1b86d2f957b33082081bba410fe129b475efebcc13c9014c3f447c8271aadf95", info.trainingDataSha256());
        assertEquals(125_973, info.trainingRows());
        assertEquals(58_630, info.trainingAttacks());
        assertEquals(42, ((Number) info.parameters().get("seed")).intValue());
        assertEquals(100, ((Number) info.parameters().get("trees")).intValue());
        assertTrue(info.trainingMetrics().get("oofAuc") > 0.99, info.trainingMetrics().toString());
        assertEquals(KddSchema.SERVICES, info.encodings().get("service"));
        assertEquals(info.version(), info.version().toLowerCase(), "hex");
        assertEquals(12, info.version().length());
    }

    /** Accuracy at the model's threshold and ROC AUC. */
    private static double[] evaluate(String file) throws IOException {
        List<LabelledFeatures> rows = NslKddReader.readAll(SharedData.require(file));
        int[] y = rows.stream().mapToInt(r -> r.isAttack() ? 1 : 0).toArray();
        double[] score = rows.stream().mapToDouble(r -> model.scorer().score(r.features().values())).toArray();
        for (double s : score) {
            assertTrue(s >= 0 && s <= 1, "score " + s);
        }
        return new double[] {Metrics.accuracy(y, score, model.threshold()), Metrics.auc(y, score)};
    }
}
