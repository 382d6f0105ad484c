package org.flowscore.model.score;

import java.util.List;

/**
 * A trained model's scoring function over the 41 NSL-KDD feature values ({@code KddFeatures.values()}:
 * categorical features as vocabulary indices). Implementations are immutable and safe to call from
 * several threads.
 */
public interface Scorer {

    /** A score in [0, 1]; higher means more likely an attack. Compared with the model's threshold. */
    double score(double[] features);

    /**
     * The features that pushed this score up the most, largest first, at most {@code top} of them. The
     * contributions are in score units (a tree path's change of the attack probability per split feature,
     * a logistic term, ...), so they can be compared within one model.
     */
    List<Contribution> explain(double[] features, int top);

    /** Global importance of each of the 41 features (any non-negative scale), for reports. */
    double[] importance();
}
