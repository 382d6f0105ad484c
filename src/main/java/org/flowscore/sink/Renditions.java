package org.flowscore.sink;

/**
 * Which renderings of a flow the outputs need, so the renderer makes those and nothing else.
 *
 * @param events ECS documents of every flow (NDJSON, Elasticsearch)
 * @param alerts ECS alert documents of flagged flows, and every flow's document id (Elasticsearch)
 * @param csv    a CSV row of every flow
 */
public record Renditions(boolean events, boolean alerts, boolean csv) {
    public static final Renditions NONE = new Renditions(false, false, false);

    /** What either needs. */
    public Renditions and(Renditions other) {
        return new Renditions(events || other.events, alerts || other.alerts, csv || other.csv);
    }
}
