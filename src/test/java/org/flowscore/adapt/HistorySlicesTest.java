package org.flowscore.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.flowscore.flow.CommunityId;
import org.flowscore.flow.Connection;
import org.flowscore.flow.FlowKey;
import org.flowscore.flow.SourceFormat;
import org.flowscore.flow.Traffic;
import org.flowscore.flow.Transport;
import org.junit.jupiter.api.Test;

/** A history cut into days, by hand: a day in halves, three days in three, several streams apart. */
class HistorySlicesTest {
    private static final long HOUR = 3_600_000_000L;

    /** One connection ending every hour from hour 0 to {@code hours}. */
    private static SiteLogs.Stream hourly(String name, int hours) {
        List<Connection> connections = new ArrayList<>();
        FlowKey key = FlowKey.of("10.0.0.1", 40000, "10.0.0.2", 443, Transport.TCP);
        for (int h = 0; h <= hours; h++) {
            connections.add(new Connection(h * HOUR, 0, "C" + h, key, null, new Traffic(1, 1, 41),
                    new Traffic(1, 1, 41), 0, "SF", null, true, true, 0, false, new CommunityId(0).of(key),
                    SourceFormat.ZEEK_TSV, "test", null));
        }
        return new SiteLogs.Stream(name, connections);
    }

    private static List<Integer> sizes(List<SiteLogs.Stream> streams) {
        return HistorySlices.cut(streams).stream().map(List::size).toList();
    }

    @Test
    void aDayIsCutInHalvesAndLongerHistoriesIntoDays() {
        assertEquals(List.of(12, 13), sizes(List.of(hourly("day", 24))), "hours 0-11 and 12-24");
        assertEquals(List.of(24, 24, 25), sizes(List.of(hourly("three days", 72))));
        assertEquals(List.of(13, 12), sizes(List.of(hourly("a", 12), hourly("b", 11))),
                "two streams are two pieces already");
    }
}
