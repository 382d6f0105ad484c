/**
 * The one pipeline runtime every command runs on: a {@link org.flowscore.runtime.ScoringStream} takes connections
 * with their acknowledgements, extracts features, scores and renders (on workers when asked) and hands each flow
 * to one {@link org.flowscore.sink.FlowOutput}, in order; {@code score}'s batch run. The sources that feed it live
 * with their commands: backfill, tail, capture.
 *
 * <p>May import: features, flow, model, read, sink, source.
 */
package org.flowscore.runtime;
