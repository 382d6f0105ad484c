package org.flowscore.simulate;

import java.util.SplittableRandom;
import org.flowscore.flow.CommunityId;
import org.flowscore.flow.Connection;
import org.flowscore.flow.FlowKey;
import org.flowscore.flow.GroundTruth;
import org.flowscore.flow.SourceFormat;
import org.flowscore.flow.Transport;

/**
 * Builds generated connections as Zeek logs them: a fresh Zeek-style uid, local flags from the network's
 * local addresses, the Community ID of the 5-tuple, and the ground truth. One per generator (it keeps a hasher).
 */
final class Flows {
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    /** Zeek's uids are {@code C} and 17 base62 digits of a 96-bit random number (a few come out shorter). */
    private static final int UID_DIGITS = 17;

    private final CommunityId communityId = new CommunityId(0);
    private final Network network;

    Flows(Network network) {
        this.network = network;
    }

    Connection tcp(SplittableRandom rng, long startMicros, long durationMicros, String sourceIp, int sourcePort,
                   String destinationIp, int destinationPort, String service, TcpShape shape, GroundTruth truth) {
        FlowKey key = FlowKey.of(sourceIp, sourcePort, destinationIp, destinationPort, Transport.TCP);
        return new Connection(startMicros, durationMicros, uid(rng), key, service, shape.orig(), shape.resp(), 0,
                shape.state(), shape.history(), network.isLocal(sourceIp), network.isLocal(destinationIp), 0,
                false, communityId.of(key), SourceFormat.ZEEK_TSV, null, truth);
    }

    /** A new Zeek-style connection uid drawn from {@code rng}. */
    static String uid(SplittableRandom rng) {
        char[] uid = new char[UID_DIGITS + 1];
        uid[0] = 'C';
        for (int i = 1; i < uid.length; i++) {
            uid[i] = BASE62[rng.nextInt(BASE62.length)];
        }
        return new String(uid);
    }

    /** Uniform in [lo, hi). */
    static long between(SplittableRandom rng, long lo, long hi) {
        return lo + rng.nextLong(hi - lo);
    }

    /** {@code mean} varied by up to {@code fraction} either way, at least 1. */
    static long jittered(SplittableRandom rng, double mean, double fraction) {
        return Math.max(1, Math.round(mean * (1 + fraction * (2 * rng.nextDouble() - 1))));
    }
}
