package org.flowscore.alerts;

import java.util.List;
import java.util.Map;
import org.flowscore.features.ExtendedFeatures;
import org.flowscore.features.ExtendedSchema;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.FeaturedConnection;
import org.flowscore.features.KddFeatures;
import org.flowscore.features.KddSchema;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.flow.Connection;
import org.flowscore.flow.Direction;
import org.flowscore.flow.FlowKey;
import org.flowscore.flow.SourceFormat;
import org.flowscore.flow.Traffic;
import org.flowscore.flow.Transport;
import org.flowscore.model.ScoredFlow;
import org.flowscore.model.score.Contribution;

/**
 * Flows built by hand for cases worked out on paper: a TCP connection of the sensor {@code hand} between two
 * addresses, ending at a given second, with the features a case needs (all others 0, a channel's dispersion -1, as
 * the extractor gives a new channel) and its verdict.
 */
final class HandFlows {
    static final String SENSOR = "hand";

    private HandFlows() {
    }

    /** A flow from {@code source} to {@code destination}:{@code port} that ends {@code endSecond} after the epoch. */
    static ScoredFlow flow(String uid, String source, String destination, int port, long endSecond, double score,
                           Map<String, Double> features) {
        return flow(uid, source, destination, port, Transport.TCP, endSecond, 0, score, features);
    }

    static ScoredFlow flow(String uid, String source, String destination, int port, Transport transport,
                           long endSecond, long payloadSent, double score, Map<String, Double> features) {
        boolean localOrig = source.startsWith("10.");
        boolean localResp = destination.startsWith("10.");
        long end = endSecond * 1_000_000;
        Connection c = new Connection(end - 200_000, 200_000, uid, FlowKey.of(source, 40_000, destination, port,
                transport), null, new Traffic(payloadSent, 3, payloadSent + 120), new Traffic(0, 2, 80), 0, "REJ", "Sr",
                localOrig, localResp, 0, false, "1:" + uid, SourceFormat.ZEEK_TSV, SENSOR, null);
        double[] x = new double[FeatureSet.EXTENDED.count()];
        x[KddSchema.COUNT + ExtendedSchema.CHAN_INTERVAL_DISPERSION] = -1;
        x[KddSchema.SRC_BYTES] = payloadSent;
        features.forEach((name, value) -> {
            int i = FeatureSet.EXTENDED.index(name);
            if (i < 0) {
                throw new IllegalArgumentException("no feature " + name);
            }
            x[i] = value;
        });
        FeaturedConnection fc = new FeaturedConnection(c, Direction.of(localOrig, localResp),
                new KddFeatures(java.util.Arrays.copyOf(x, KddSchema.COUNT)),
                new ExtendedFeatures(java.util.Arrays.copyOfRange(x, KddSchema.COUNT, x.length)), Acknowledgement.NONE);
        boolean attack = score >= 0.5;
        return new ScoredFlow(fc, score, attack, attack ? List.of(new Contribution("resp_local", "1", 0.1)) : List.of());
    }
}
