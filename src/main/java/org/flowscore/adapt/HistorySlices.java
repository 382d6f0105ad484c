package org.flowscore.adapt;

import java.util.ArrayList;
import java.util.List;
import org.flowscore.flow.Connection;

/**
 * A site's history cut into pieces of at most a day by the time each connection ended (at least two pieces
 * in all, so a single day is cut in halves). Each piece is a capture of its own to the cross-validation that
 * sets the threshold: its rows are scored by a model trained on the corpus and the site's other pieces, as the
 * adapted model will meet the site's next day.
 */
final class HistorySlices {
    static final long DAY_MICROS = 86_400_000_000L;

    private HistorySlices() {
    }

    /** Each stream's pieces, in order; a piece's connections keep their stream order. */
    static List<List<Connection>> cut(List<SiteLogs.Stream> streams) {
        int[] pieces = new int[streams.size()];
        int total = 0;
        for (int s = 0; s < streams.size(); s++) {
            pieces[s] = (int) Math.max(1, Math.ceilDiv(span(streams.get(s).connections()), DAY_MICROS));
            total += pieces[s];
        }
        if (total == 1) {
            pieces[0] = 2;
        }
        List<List<Connection>> out = new ArrayList<>();
        for (int s = 0; s < streams.size(); s++) {
            out.addAll(cut(streams.get(s).connections(), pieces[s]));
        }
        return out;
    }

    /** {@code k} pieces of equal time; a piece that holds no connection is dropped. */
    private static List<List<Connection>> cut(List<Connection> connections, int k) {
        long first = connections.stream().mapToLong(Connection::endMicros).min().orElseThrow();
        long span = span(connections);
        List<List<Connection>> pieces = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            pieces.add(new ArrayList<>());
        }
        for (Connection c : connections) {
            int piece = span == 0 ? 0 : (int) Math.min(k - 1, (c.endMicros() - first) * (double) k / span);
            pieces.get(piece).add(c);
        }
        pieces.removeIf(List::isEmpty);
        return pieces;
    }

    /** From the first connection's end to the last one's. */
    private static long span(List<Connection> connections) {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Connection c : connections) {
            first = Math.min(first, c.endMicros());
            last = Math.max(last, c.endMicros());
        }
        return last - first;
    }
}
