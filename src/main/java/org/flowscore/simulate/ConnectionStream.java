package org.flowscore.simulate;

import org.flowscore.flow.Connection;

/** A source of connections in start order, as the timeline interleaves them. */
interface ConnectionStream {
    /** The next connection, starting no earlier than the previous one, or null once the stream is over. */
    Connection next();
}
