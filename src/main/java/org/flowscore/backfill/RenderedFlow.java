package org.flowscore.backfill;

import org.flowscore.model.ScoredFlow;

/**
 * A scored flow with its documents rendered, and where it came from.
 *
 * @param origin    the file and line it was read from, and whom to tell once it is stored
 * @param id        its deterministic document id, or null when no output needs it
 * @param event     its ECS document, or null when no output needs it
 * @param alert     its ECS alert document when it is flagged and an output needs it, else null
 */
public record RenderedFlow(ScoredFlow flow, Origin origin, String id, String event, String alert) {
}
