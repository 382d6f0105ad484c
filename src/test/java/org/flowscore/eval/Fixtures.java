package org.flowscore.eval;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.FeatureSettings;
import org.flowscore.features.KddFeatures;
import org.flowscore.features.KddSchema;
import org.flowscore.features.LabelledDataset;
import org.flowscore.features.LabelledFeatures;
import org.flowscore.features.NslKddReader;
import org.flowscore.model.Model;
import org.flowscore.model.ModelInfo;
import org.flowscore.model.score.Contribution;
import org.flowscore.model.score.Scorer;
import org.flowscore.testing.SharedData;

/** A hand-written model (score = one feature's value) and data sets to evaluate it on. */
final class Fixtures {
    private Fixtures() {
    }

    static final int NSL_KDD_TEST_ROWS = 22_544;
    static final int NSL_KDD_TEST_ATTACKS = 12_833;

    /** Scores a row by one rate feature; importances as given. */
    record FeatureScorer(int feature, double[] importance) implements Scorer {
        @Override
        public double score(double[] features) {
            return features[feature];
        }

        @Override
        public List<Contribution> explain(double[] features, int top) {
            return List.of(new Contribution(KddSchema.NAMES.get(feature), Double.toString(features[feature]),
                    features[feature]));
        }

        @Override
        public double[] importance() {
            return importance.clone();
        }
    }

    /** SYN-error rate as the attack score: a crude DoS detector, good enough to have known numbers. */
    static Model serrorRateModel(double threshold) {
        double[] importance = new double[KddSchema.COUNT];
        importance[KddSchema.SERROR_RATE] = 0.6;
        importance[KddSchema.DST_HOST_SERROR_RATE] = 0.25;
        importance[KddSchema.COUNT_2S] = 0.1;
        importance[KddSchema.SRC_BYTES] = 0.05;
        return new Model(info("serror-rate-rule", threshold), new FeatureScorer(KddSchema.SERROR_RATE, importance));
    }

    static ModelInfo info(String name, double threshold) {
        return new ModelInfo(1, name, "0.0.1-test", "logistic", "6.2.5", "0.1.0-SNAPSHOT", KddSchema.NAMES,
                Map.of("protocol_type", KddSchema.PROTOCOLS, "service", KddSchema.SERVICES, "flag", KddSchema.FLAGS),
                FeatureSettings.defaults(), threshold, "fixed by hand for the tests", "0".repeat(64),
                List.of("KDDTrain+.txt"), 125_973, 58_630, List.of("num_outbound_cmds"),
                Map.of("seed", 1), Map.of("roc_auc", 0.5), null, null, null);
    }

    static LabelledFeatures row(double serrorRate, String label) {
        double[] values = new double[KddSchema.COUNT];
        values[KddSchema.SERROR_RATE] = serrorRate;
        return new LabelledFeatures(new KddFeatures(values), label, LabelledFeatures.NO_DIFFICULTY);
    }

    static LabelledDataset dataset(List<LabelledFeatures> rows) {
        return LabelledDataset.of(FeatureSet.NSL_KDD, rows, true, "0".repeat(64), List.of("inline"));
    }

    static LabelledDataset kddTest() throws IOException {
        List<LabelledFeatures> rows = NslKddReader.readAll(SharedData.require("nsl-kdd/KDDTest+.txt"));
        return LabelledDataset.of(FeatureSet.NSL_KDD, rows, true, "0".repeat(64), List.of("KDDTest+.txt"));
    }
}
