package org.flowscore.model.score;

import java.util.ArrayList;
import java.util.List;
import org.flowscore.features.FeatureSet;

/** Turns per-feature contributions into the top few an analyst reads. */
final class Explanations {
    private Explanations() {
    }

    /**
     * The features with the largest positive contributions, largest first (ties in feature order), at most
     * {@code top}, each with its value as the data set prints it.
     */
    static List<Contribution> top(FeatureSet set, double[] contribution, double[] x, int top) {
        if (top <= 0) {
            return List.of();
        }
        List<Integer> order = new ArrayList<>();
        for (int f = 0; f < set.count(); f++) {
            if (contribution[f] > 0) {
                order.add(f);
            }
        }
        order.sort((a, b) -> {
            int c = Double.compare(contribution[b], contribution[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        List<Contribution> result = new ArrayList<>(Math.min(top, order.size()));
        for (int f : order.subList(0, Math.min(top, order.size()))) {
            result.add(new Contribution(set.names().get(f), set.format(f, x[f]), contribution[f]));
        }
        return List.copyOf(result);
    }

    /** Spreads values indexed by predictor column over the set's features (0 for the others). */
    static double[] perFeature(FeatureSet set, double[] byColumn, int[] featureOf) {
        double[] out = new double[set.count()];
        for (int j = 0; j < featureOf.length; j++) {
            out[featureOf[j]] = byColumn[j];
        }
        return out;
    }
}
