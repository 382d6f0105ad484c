package org.flowscore.simulate;

import java.util.List;
import java.util.SplittableRandom;
import org.flowscore.flow.Connection;
import org.flowscore.flow.GroundTruth;

/**
 * One background stream moved onto the simulated timeline: its first connection starts with the timeline,
 * every other keeps its distance to it, and the stream repeats, one second after its last connection ended,
 * until the timeline is over. Each replayed connection gets a fresh uid (repeats would otherwise share one)
 * and, unless the log carried a label, the truth {@code benign}.
 */
final class BackgroundReplay implements ConnectionStream {
    static final GroundTruth BENIGN = new GroundTruth("benign", null);
    private static final long PAUSE_MICROS = 1_000_000;

    private final List<Connection> base;
    private final long timelineEnd;
    private final SplittableRandom rng;
    private final long span;
    private long shift;
    private int index;

    BackgroundReplay(List<Connection> startOrdered, long timelineStart, long timelineEnd, SplittableRandom rng) {
        this.base = startOrdered;
        this.timelineEnd = timelineEnd;
        this.rng = rng;
        long first = startOrdered.getFirst().startMicros();
        long lastEnd = startOrdered.stream().mapToLong(Connection::endMicros).max().orElseThrow();
        this.span = lastEnd - first + PAUSE_MICROS;
        this.shift = timelineStart - first;
    }

    @Override
    public Connection next() {
        if (index == base.size()) {
            index = 0;
            shift += span;
        }
        Connection c = base.get(index);
        long start = c.startMicros() + shift;
        if (start >= timelineEnd) {
            return null;
        }
        index++;
        return new Connection(start, c.durationMicros(), Flows.uid(rng), c.key(), c.service(), c.orig(), c.resp(),
                c.missedBytes(), c.connState(), c.history(), c.localOrig(), c.localResp(), c.urgentPackets(),
                c.payloadEstimated(), c.communityId(), c.format(), c.sensor(), c.truth() != null ? c.truth() : BENIGN);
    }
}
