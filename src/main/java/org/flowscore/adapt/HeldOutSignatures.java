package org.flowscore.adapt;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which signatures' alerts are hidden from training, so that a model can be measured on flows only the IDS
 * knew: a share of the signatures that labelled the site's flows, drawn at random from a seed. Whole signatures
 * are held out, never single flows, so no flow of a held-out signature is trained on.
 */
public final class HeldOutSignatures {
    private HeldOutSignatures() {
    }

    /**
     * @param labelling the signatures (ids) that labelled at least one flow
     * @param share     the share to hold out, in [0, 1): rounded, at least one when above 0
     * @return the held-out ids; empty when {@code share} is 0 or no signature labelled anything
     */
    public static Set<Long> choose(Set<Long> labelling, double share, long seed) {
        if (!(share >= 0 && share < 1)) {
            throw new IllegalArgumentException("--hold-out-signatures must be in [0, 1), got " + share);
        }
        if (share == 0 || labelling.isEmpty()) {
            return Set.of();
        }
        List<Long> ids = new ArrayList<>(new TreeSet<>(labelling));
        Collections.shuffle(ids, new Random(seed));
        int count = (int) Math.max(1, Math.round(share * ids.size()));
        return Set.copyOf(ids.subList(0, count));
    }
}
