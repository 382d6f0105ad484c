package org.flowscore.sink;

import org.flowscore.model.ScoredFlow;

/**
 * A scored flow with the renderings its outputs need: made once, in {@link Renderer}, whatever writes them.
 * Documents are UTF-8 JSON bytes, as files, {@code _bulk} bodies and Kafka records take them; outputs only
 * read them.
 *
 * @param id    its deterministic document id, or null when no output needs its document
 * @param event its ECS document, or null when no output needs it
 * @param alert its ECS alert document when it is flagged and an output needs it, else null
 * @param csv   its CSV row (without the line break), or null when no output needs it
 * @param marks what the allowlist and the alert rules made of it ({@link FlowMarks#NONE} without either)
 */
public record RenderedFlow(ScoredFlow flow, String id, byte[] event, byte[] alert, String csv, FlowMarks marks) {
}
