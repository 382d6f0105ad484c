package org.flowscore.features;

import org.flowscore.flow.Connection;
import org.flowscore.flow.Direction;

/**
 * A connection with its features, as the extractor hands it on.
 *
 * @param direction which way it crosses the site's edge, from the log's local flags or the local networks
 * @param features  the 41 NSL-KDD features
 * @param extended  the extended features, or null when the extractor was not asked for them
 */
public record FeaturedConnection(Connection connection, Direction direction, KddFeatures features,
                                 ExtendedFeatures extended) {
}
