package org.flowscore.features;

import org.flowscore.flow.Connection;

/** A connection with its 41 NSL-KDD features, as the extractor hands it on. */
public record FeaturedConnection(Connection connection, KddFeatures features) {
}
