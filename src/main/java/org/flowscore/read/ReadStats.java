package org.flowscore.read;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowscore.format.SkipReason;

/**
 * What a run read: connections, lines that were not connections (by kind), lines skipped (by reason,
 * with the first few locations), so that nothing read ever vanishes without a count.
 */
public final class ReadStats {
    private static final int EXAMPLES_KEPT = 5;

    private long files;
    private long connections;
    private final Map<String, Long> notConnections = new TreeMap<>();
    private final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
    private final List<String> examples = new ArrayList<>();

    void fileOpened() {
        files++;
    }

    void connection() {
        connections++;
    }

    void notAConnection(String kind) {
        notConnections.merge(kind, 1L, Long::sum);
    }

    void skipped(SkipReason reason, String location, String detail) {
        skipped.merge(reason, 1L, Long::sum);
        if (examples.size() < EXAMPLES_KEPT) {
            examples.add(location + ": " + reason.description() + " (" + detail + ")");
        }
    }

    /** Adds another run's counts, as when inputs were read in parallel, each with its own stats. */
    public void addAll(ReadStats other) {
        files += other.files;
        connections += other.connections;
        other.notConnections.forEach((kind, n) -> notConnections.merge(kind, n, Long::sum));
        other.skipped.forEach((reason, n) -> skipped.merge(reason, n, Long::sum));
        for (String example : other.examples) {
            if (examples.size() < EXAMPLES_KEPT) {
                examples.add(example);
            }
        }
    }

    public long files() {
        return files;
    }

    public long connections() {
        return connections;
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long skipped(SkipReason reason) {
        return skipped.getOrDefault(reason, 0L);
    }

    public List<String> firstSkipped() {
        return List.copyOf(examples);
    }

    /** The multi-line summary printed on stderr at the end of a run. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("read ").append(connections).append(" connections from ").append(files)
                .append(files == 1 ? " input" : " inputs");
        long other = notConnections.entrySet().stream()
                .filter(e -> !e.getKey().equals("header") && !e.getKey().equals("blank"))
                .mapToLong(Map.Entry::getValue).sum();
        if (other > 0) {
            sb.append("; ").append(other).append(" other events skipped as not connections ");
            StringBuilder kinds = new StringBuilder();
            notConnections.forEach((kind, n) -> {
                if (!kind.equals("header") && !kind.equals("blank")) {
                    kinds.append(kinds.isEmpty() ? "" : ", ").append(kind).append(' ').append(n);
                }
            });
            sb.append('(').append(kinds).append(')');
        }
        long bad = skippedTotal();
        sb.append("; ").append(bad).append(bad == 1 ? " bad line skipped" : " bad lines skipped");
        if (bad > 0) {
            sb.append(':');
            skipped.forEach((reason, n) -> sb.append("\n  ").append(reason.description()).append(": ").append(n));
            sb.append("\n first bad lines:");
            examples.forEach(e -> sb.append("\n  ").append(e));
        }
        return sb.toString();
    }
}
