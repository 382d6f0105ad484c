package org.flowscore.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.flowscore.sink.EcsDocuments;
import org.flowscore.sink.IsoTimestamps;

/**
 * An alert group as one ECS document of the alert stream: {@code event.kind: alert} with the first and last seen
 * ({@code event.start}, {@code event.end}, {@code @timestamp} the last), {@code event.risk_score} from the highest
 * score, {@code source.*} and {@code destination.*} where all flows share one, {@code related.ip}, and the group
 * under {@code flowscore.alert.group}: its counts, mean score, most frequent first reason, and the ids and Community
 * IDs of its highest-scoring flows. Every flow of the group carries its id in {@code flowscore.alert.group.id}.
 * Groups are few (one per host, kind and window), so a plain tree writer is fast enough. One instance per thread.
 */
final class GroupDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IsoTimestamps times = new IsoTimestamps();

    String render(GroupSummary g) {
        GroupKey key = g.key();
        double risk = Math.round(g.maxScore() * 10000) / 100.0;
        ObjectNode doc = JSON.createObjectNode();
        doc.put("@timestamp", time(g.lastEndMicros()));
        doc.putObject("ecs").put("version", EcsDocuments.ECS_VERSION);
        ObjectNode event = doc.putObject("event").put("id", g.id()).put("kind", "alert");
        event.putArray("category").add("network");
        event.putArray("type").add("connection");
        event.put("module", "flowscore").put("dataset", "flowscore.alert")
                .put("start", time(g.firstStartMicros())).put("end", time(g.lastEndMicros()))
                .put("duration", (g.lastEndMicros() - g.firstStartMicros()) * 1000)
                .put("risk_score", risk).put("risk_score_norm", risk);
        doc.putObject("observer").put("name", key.sensor()).put("product", g.product()).put("type", "sensor");
        if (g.onlySource() != null) {
            doc.putObject("source").put("ip", g.onlySource()).put("address", g.onlySource());
        }
        if (g.onlyDestination() != null || g.onlyPort() != null) {
            ObjectNode destination = doc.putObject("destination");
            if (g.onlyDestination() != null) {
                destination.put("ip", g.onlyDestination()).put("address", g.onlyDestination());
            }
            if (g.onlyPort() != null) {
                destination.put("port", g.onlyPort());
            }
        }
        ObjectNode network = doc.putObject("network");
        if (g.onlyTransport() != null) {
            network.put("transport", g.onlyTransport());
        }
        network.put("direction", key.direction().ecsName()).put("bytes", g.bytes()).put("packets", g.packets());
        ArrayNode related = doc.putObject("related").putArray("ip");
        g.relatedIps().forEach(related::add);

        ObjectNode flowscore = doc.putObject("flowscore").put("score", g.maxScore()).put("label", "attack")
                .put("source_format", key.format());
        ObjectNode alert = flowscore.putObject("alert").put("kind", key.kind().id())
                .put("severity", AlertSeverity.of(g.maxScore()).id());
        ObjectNode group = alert.putObject("group").put("id", g.id()).put("subject", key.subject())
                .put("subject_role", key.subjectRole()).put("window_seconds", key.windowMicros() / 1_000_000)
                .put("flows", g.flows()).put("sources", g.sources()).put("destinations", g.destinations())
                .put("ports", g.ports()).put("score_mean", g.meanScore());
        if (g.topExplanation() != null) {
            group.put("top_explanation", g.topExplanation());
        }
        ArrayNode ids = group.putArray("flow_ids");
        g.flowIds().forEach(ids::add);
        ArrayNode communityIds = group.putArray("community_ids");
        g.communityIds().stream().filter(Objects::nonNull).forEach(communityIds::add);
        return doc.toString();
    }

    private String time(long epochMicros) {
        return times.append(new StringBuilder(27), epochMicros).toString();
    }
}
