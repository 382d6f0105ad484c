package org.flowscore.backfill;

import org.flowscore.model.ScoredFlow;

/**
 * A scored flow with its documents rendered, and where it came from.
 *
 * @param file      the file it was read from
 * @param endOffset the offset just past its line in that file
 * @param id        its deterministic document id, or null when no output needs it
 * @param event     its ECS document, or null when no output needs it
 * @param alert     its ECS alert document when it is flagged and an output needs it, else null
 */
public record RenderedFlow(ScoredFlow flow, BackfillFile file, long endOffset, String id, String event,
                           String alert) {
}
