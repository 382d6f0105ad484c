package org.flowscore.sink;

import org.flowscore.model.ScoredFlow;

/**
 * Decides the {@link FlowMarks} of scored flows. Called by the renderers, on the scoring workers: implementations
 * are thread-safe and look at the one flow only, so every thread count gives the same marks.
 */
@FunctionalInterface
public interface FlowMarker {
    /** No allowlist, no alert kinds or groups: the documents as they were before either existed. */
    FlowMarker NONE = flow -> FlowMarks.NONE;

    FlowMarks marks(ScoredFlow flow);
}
