package org.flowscore.features;

import org.flowscore.flow.Acknowledgement;
import org.flowscore.flow.Connection;
import org.flowscore.flow.Direction;

/**
 * A connection with its features, as the extractor hands it on.
 *
 * @param direction which way it crosses the site's edge, from the log's local flags or the local networks
 * @param features  the 41 NSL-KDD features
 * @param extended  the extended features, or null when the extractor was not asked for them
 * @param ack       the source's handle for the connection, carried through untouched: the outputs call it
 *                  once they stored what they made of it
 */
public record FeaturedConnection(Connection connection, Direction direction, KddFeatures features,
                                 ExtendedFeatures extended, Acknowledgement ack) {
}
