package org.flowscore.sink;

import java.util.List;
import org.flowscore.flow.Connection;

/** ECS {@code event.type} as Elastic's Zeek integration derives it. */
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
}
