package org.flowscore.alerts;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.flowscore.allowlist.Allowlist;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.flow.Connection;
import org.flowscore.sink.DocumentIds;
import org.flowscore.sink.FlowMarker;
import org.flowscore.sink.FlowMarks;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.RenderedFlow;
import org.flowscore.sink.Renditions;

/**
 * The outputs with the analyst's side in front: flows are marked by an {@link AlertMarker} before they are rendered,
 * and when alerts are grouped, the flagged flows of each {@link GroupKey} become one alert document, written to the
 * outputs ({@link FlowOutput#alert}) once the group's window has closed.
 *
 * <p>A window closes when the time of its stream (the latest end among its sensor's flows of one log format, in the
 * order the runtime hands them on) moves to the grace past the window's end; when every source is caught up, by the
 * clock ({@link #caughtUp}); and at the end of the input ({@link #endOfInput}). A flow whose window had closed
 * before it came (Zeek logs an idle connection when its inactivity timeout expires) opens its group again, and the
 * group is written again with the late flows; a store keeps the first document of an id, so such flows are found
 * from their group by its id but not counted in it. A member's acknowledgement waits for its
 * own documents and its group's, so a checkpoint never passes a flow whose group is not stored: a daemon that stops
 * with groups open reads their flows again on its next start and rebuilds them whole, and the group's deterministic
 * id makes whatever is written twice count once.
 */
public final class AlertingOutput implements FlowOutput {
    private final FlowOutput outputs;
    private final AlertMarker marker;
    private final long graceMicros;
    private final DocumentIds ids = new DocumentIds();
    private final GroupDocument documents = new GroupDocument();
    private final Map<StreamKey, OpenGroups> streams = new HashMap<>();
    private long alerted;
    private long allowlisted;
    private long allowlistedFlagged;
    private long groupDocuments;
    private long late;

    /** One sensor's flows of one log format: the flows a stream hands on, in its order. */
    private record StreamKey(String sensor, String format) {
    }

    /** A stream's time (the latest flow end it handed on) and its open groups by window end, then id. */
    private static final class OpenGroups {
        long time = Long.MIN_VALUE;
        final TreeMap<Long, TreeMap<String, AlertGroup>> byWindowEnd = new TreeMap<>();
    }

    /**
     * @param outputs   where flows and alert documents go (Elasticsearch, files, or a tee of them)
     * @param allowlist the allowlist in force, asked for every flow
     */
    public AlertingOutput(FlowOutput outputs, AlertSettings settings, Supplier<Allowlist> allowlist) {
        this.outputs = outputs;
        this.marker = new AlertMarker(allowlist, settings);
        this.graceMicros = settings.grace().toNanos() / 1000;
    }

    @Override
    public Renditions needs() {
        return outputs.needs();
    }

    @Override
    public FlowMarker marker() {
        return marker;
    }

    @Override
    public synchronized void write(RenderedFlow flow, Acknowledgement stored) {
        FlowMarks marks = flow.marks();
        Connection c = flow.flow().connection();
        count(flow, marks);
        OpenGroups stream = streams.computeIfAbsent(new StreamKey(c.sensor(), c.format().cliName()),
                k -> new OpenGroups());
        boolean timeMoved = c.endMicros() > stream.time;
        stream.time = Math.max(stream.time, c.endMicros());
        if (marks.alertGroup() == null) {
            outputs.write(flow, stored);
        } else {
            Acknowledgement flowAndGroup = Acknowledgement.after(2, stored);
            outputs.write(flow, flowAndGroup);
            join(stream, flow, marks, flowAndGroup);
        }
        // Only time moving on closes windows: late flows that come together (a file older than the one before
        // it, Zeek's connections logged when their inactivity timeout expired) join one group, not one each.
        if (timeMoved) {
            closeEndedBy(stream, stream.time - graceMicros);
        }
    }

    private void count(RenderedFlow flow, FlowMarks marks) {
        if (marks.allowlistEntry() != null) {
            allowlisted++;
            allowlistedFlagged += flow.flow().attack() ? 1 : 0;
        } else if (marks.alertKind() != null) {
            alerted++;
        }
    }

    private void join(OpenGroups stream, RenderedFlow flow, FlowMarks marks, Acknowledgement stored) {
        GroupKey key = GroupKey.of(flow.flow(), AlertKind.of(marks.alertKind()),
                marker.settings().window().toNanos() / 1000);
        if (key.windowEndMicros() <= stream.time - graceMicros) {
            late++;
        }
        AlertGroup group = stream.byWindowEnd.computeIfAbsent(key.windowEndMicros(), k -> new TreeMap<>())
                .computeIfAbsent(marks.alertGroup(), id -> new AlertGroup(key, id));
        String flowId = flow.id() != null ? flow.id() : ids.of(flow.flow().connection());
        group.add(flow.flow(), flowId, stored);
    }

    /** Writes the groups of every window that ended at or before {@code micros}, oldest first. */
    private void closeEndedBy(OpenGroups stream, long micros) {
        while (!stream.byWindowEnd.isEmpty() && stream.byWindowEnd.firstKey() <= micros) {
            for (AlertGroup group : stream.byWindowEnd.pollFirstEntry().getValue().values()) {
                List<Acknowledgement> waiting = new ArrayList<>(group.waiting());
                outputs.alert(group.id(), documents.render(group.summary()),
                        waiting.isEmpty() ? Acknowledgement.NONE : () -> waiting.forEach(Acknowledgement::acknowledged));
                groupDocuments++;
            }
        }
    }

    /** Writes every open group: nothing more comes to complete them. */
    @Override
    public synchronized void endOfInput() {
        streams.values().forEach(s -> closeEndedBy(s, Long.MAX_VALUE));
        outputs.endOfInput();
    }

    /** Writes the groups whose window ended the grace before {@code now}: on a quiet sensor no flow moves time on. */
    @Override
    public synchronized void caughtUp(Instant now) {
        long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        streams.values().forEach(s -> closeEndedBy(s, nowMicros - graceMicros));
        outputs.caughtUp(now);
    }

    @Override
    public void flush() throws IOException {
        outputs.flush();
    }

    /** Waits for the outputs; open groups stay open (only {@link #endOfInput} forces them out). */
    @Override
    public void finish() throws IOException {
        outputs.finish();
    }

    /** What was alerted, allowlisted and written so far. */
    public synchronized AlertCounts counts() {
        return new AlertCounts(marker.settings(), alerted, allowlisted, allowlistedFlagged, groupDocuments, late);
    }
}
