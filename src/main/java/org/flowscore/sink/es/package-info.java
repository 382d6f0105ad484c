/**
 * The Elasticsearch output: bulk writing with bounded memory, retries without limit for what can succeed later, a
 * dead-letter file for what cannot, and one acknowledgement per stored flow.
 *
 * <p>May import: elastic, flow, sink.
 */
package org.flowscore.sink.es;
