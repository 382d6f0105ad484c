package org.flowscore.sink;

import java.util.List;
import org.flowscore.flow.Connection;

/** ECS {@code event.type} and {@code network.direction} as Elastic's Zeek integration derives them. */
final class EcsEventTypes {
    private EcsEventTypes() {
    }

    static List<String> of(Connection c) {
        String state = c.connState() == null ? "" : c.connState();
        return switch (state) {
            case "S0", "S1" -> List.of("connection", "start");
            case "SF" -> List.of("connection", "start", "end");
            case "REJ" -> List.of("connection", "start", "denied");
            default -> List.of("connection", "info");
        };
    }

    /** From Zeek's local_orig/local_resp; null when the log does not say. */
    static String direction(Connection c) {
        if (c.localOrig() == null || c.localResp() == null) {
            return null;
        }
        if (c.localOrig()) {
            return c.localResp() ? "internal" : "outbound";
        }
        return c.localResp() ? "inbound" : "external";
    }
}
