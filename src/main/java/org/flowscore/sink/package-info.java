/**
 * Where scored flows go, behind one contract ({@link org.flowscore.sink.FlowOutput}: write with an
 * acknowledgement, flush, finish): files (NDJSON, CSV), several at once ({@link org.flowscore.sink.Tee}), and
 * Elasticsearch in {@code sink.es}; the ECS documents and CSV rows, rendered in one place.
 *
 * <p>May import: features, flow, model, model.score.
 */
package org.flowscore.sink;
