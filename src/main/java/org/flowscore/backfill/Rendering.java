package org.flowscore.backfill;

/**
 * Which documents the outputs need, so the workers render those and nothing else.
 *
 * @param events ECS documents of every flow (NDJSON, Elasticsearch)
 * @param alerts ECS alert documents of flagged flows, and every flow's id (Elasticsearch)
 */
public record Rendering(boolean events, boolean alerts) {
}
