package org.flowscore.features;

import java.util.ArrayList;
import java.util.List;
import org.flowscore.flow.Connection;

/** Runs connections through a fresh extractor and collects what comes out. */
final class Runs {
    private Runs() {
    }

    static List<FeaturedConnection> run(FeatureSettings settings, Connection... connections) {
        List<FeaturedConnection> out = new ArrayList<>();
        FeatureExtractor extractor = new FeatureExtractor(settings, ServiceTable.bundled(), out::add);
        for (Connection c : connections) {
            extractor.accept(c);
        }
        extractor.flush();
        return out;
    }

    static List<FeaturedConnection> run(Connection... connections) {
        return run(FeatureSettings.defaults(), connections);
    }

    static double f(FeaturedConnection fc, String feature) {
        return fc.features().get(feature);
    }

    /** Feature values of every output, in output order. */
    static double[] column(List<FeaturedConnection> out, String feature) {
        return out.stream().mapToDouble(fc -> f(fc, feature)).toArray();
    }
}
