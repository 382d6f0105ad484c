package org.flowscore.alerts;

import java.util.function.Supplier;
import org.flowscore.allowlist.Allowlist;
import org.flowscore.allowlist.AllowlistEntry;
import org.flowscore.model.ScoredFlow;
import org.flowscore.sink.FlowMarker;
import org.flowscore.sink.FlowMarks;

/**
 * Marks each flow before it is rendered: with the first allowlist entry that covers it (then nothing else: it never
 * alerts, flagged or not), or, when it is flagged, with its {@link AlertKind}, {@link AlertSeverity} and, when alerts
 * are grouped, its group's id. Everything comes from the flow alone, so any thread may mark any flow.
 */
public final class AlertMarker implements FlowMarker {
    private final Supplier<Allowlist> allowlist;
    private final AlertSettings settings;
    private final long windowMicros;
    /** Read and written by every rendering thread; a whole record, so a thread sees a key with its own id. */
    private volatile NamedGroup lastGroup;

    private record NamedGroup(GroupKey key, String id) {
    }

    /** @param allowlist the list in force, asked for every flow (a daemon swaps it when the file changes) */
    public AlertMarker(Supplier<Allowlist> allowlist, AlertSettings settings) {
        this.allowlist = allowlist;
        this.settings = settings;
        this.windowMicros = settings.window().toNanos() / 1000;
    }

    @Override
    public FlowMarks marks(ScoredFlow flow) {
        AllowlistEntry entry = allowlist.get().match(flow.connection());
        if (entry != null) {
            return new FlowMarks(entry.id(), null, null, null);
        }
        if (!flow.attack()) {
            return FlowMarks.NONE;
        }
        AlertKind kind = AlertKind.of(flow);
        String group = settings.mode() == AlertMode.GROUPED ? groupId(GroupKey.of(flow, kind, windowMicros)) : null;
        return new FlowMarks(null, kind.id(), AlertSeverity.of(flow.score()).id(), group);
    }

    /** A group's id, a SHA-256 of its key: flagged flows come in runs of one group, so the last one is kept. */
    private String groupId(GroupKey key) {
        NamedGroup named = lastGroup;
        if (named == null || !named.key().equals(key)) {
            named = new NamedGroup(key, key.id());
            lastGroup = named;
        }
        return named.id();
    }

    AlertSettings settings() {
        return settings;
    }
}
