package org.flowscore.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.flow.Connection;
import org.flowscore.model.ScoredFlow;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.RenderedFlow;
import org.flowscore.sink.Renditions;
import org.flowscore.sink.IsoTimestamps;

/** Keeps the N highest-scoring flows of a run for its summary, in bounded memory: an output that stores nothing. */
final class TopFlows implements FlowOutput {
    private static final Comparator<ScoredFlow> BY_SCORE = Comparator.comparingDouble(ScoredFlow::score);

    private final int size;
    private final PriorityQueue<ScoredFlow> lowestFirst = new PriorityQueue<>(BY_SCORE);

    TopFlows(int size) {
        this.size = Math.max(0, size);
    }

    @Override
    public Renditions needs() {
        return Renditions.NONE;
    }

    @Override
    public void write(RenderedFlow rendered, Acknowledgement stored) {
        stored.acknowledged();
        ScoredFlow flow = rendered.flow();
        if (size == 0) {
            return;
        }
        if (lowestFirst.size() < size) {
            lowestFirst.add(flow);
        } else if (flow.score() > lowestFirst.peek().score()) {
            lowestFirst.poll();
            lowestFirst.add(flow);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void finish() {
    }

    void print(PrintWriter err) {
        if (lowestFirst.isEmpty()) {
            return;
        }
        List<ScoredFlow> best = new ArrayList<>(lowestFirst);
        best.sort(BY_SCORE.reversed());
        err.println("top-scoring flows:");
        for (ScoredFlow f : best) {
            Connection c = f.connection();
            String why = f.explanation().isEmpty() ? "" : "  because " + String.join(", ",
                    f.explanation().stream().map(x -> x.feature() + "=" + x.value()).toList());
            err.printf("  %.3f %-6s %s %s:%d -> %s:%d %s %s%s%n", f.score(), f.attack() ? "attack" : "normal",
                    new IsoTimestamps().format(c.startMicros()), c.key().sourceIp(), c.key().sourcePort(),
                    c.key().destinationIp(), c.key().destinationPort(), f.features().service(), f.features().flag(),
                    why);
        }
    }
}
