package org.flowscore.dataset;

import java.util.List;
import org.flowscore.features.LabelledFeatures;

/**
 * Feature rows for training or evaluation, with where they came from.
 *
 * @param rows      one row per connection (NSL-KDD row or log connection); label {@code normal} or an
 *                  attack name (NSL-KDD's attack, or a log's detailed label)
 * @param labelled  false when the rows came from logs without labels (all rows then read {@code normal}:
 *                  the site's own traffic, taken as normal by an unsupervised model)
 * @param sha256    SHA-256 over the bytes of every source file, in order: identifies the training data
 * @param sources   the files read, as given
 */
public record LabelledDataset(List<LabelledFeatures> rows, boolean labelled, String sha256, List<String> sources) {

    public long attacks() {
        return rows.stream().filter(LabelledFeatures::isAttack).count();
    }

    public long normals() {
        return rows.size() - attacks();
    }
}
