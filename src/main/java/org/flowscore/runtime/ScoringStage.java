package org.flowscore.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.flowscore.features.FeaturedConnection;
import org.flowscore.model.FlowScorer;
import org.flowscore.model.Model;
import org.flowscore.model.ScoredFlow;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.RenderedFlow;
import org.flowscore.sink.Renderer;

/**
 * Scores featured connections, renders what the output needs and hands each flow to it with its
 * acknowledgement, in the order the connections came. With one thread that happens on the caller's thread;
 * with more, batches are scored and rendered on workers (each with a renderer of its own: scoring and
 * rendering look at one connection only, so the result is the same) and handed on in order on the caller's
 * thread. At most {@code 2 × threads} batches are under way: when the output falls behind, the caller waits
 * for the oldest, which holds back the feature extraction and, through it, the reading.
 */
final class ScoringStage implements Consumer<FeaturedConnection>, AutoCloseable {
    private static final int BATCH = 512;

    private record Done(List<RenderedFlow> flows, long flagged) {
    }

    private final Model model;
    private final double threshold;
    private final FlowOutput output;
    private final ExecutorService pool;
    private final ThreadLocal<Renderer> renderers;
    private final FlowScorer inline;
    private final Renderer inlineRenderer;
    private final ArrayDeque<CompletableFuture<Done>> underWay = new ArrayDeque<>();
    private final int maxUnderWay;
    private List<FeaturedConnection> batch = new ArrayList<>(BATCH);
    private long scored;
    private long flagged;

    ScoringStage(Model model, double threshold, FlowOutput output, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.model = model;
        this.threshold = threshold;
        this.output = output;
        this.maxUnderWay = 2 * threads;
        this.renderers = ThreadLocal.withInitial(() -> new Renderer(model.info(), threshold, output.needs(),
                output.marker()));
        if (threads == 1) {
            this.pool = null;
            this.inlineRenderer = new Renderer(model.info(), threshold, output.needs(), output.marker());
            this.inline = new FlowScorer(model, threshold, this::deliver);
        } else {
            this.pool = Executors.newFixedThreadPool(threads,
                    Thread.ofPlatform().name("flowscore-score-", 1).daemon().factory());
            this.inlineRenderer = null;
            this.inline = null;
        }
    }

    @Override
    public void accept(FeaturedConnection featured) {
        if (inline != null) {
            inline.accept(featured);
            return;
        }
        batch.add(featured);
        if (batch.size() == BATCH) {
            submit();
        }
    }

    /** Hands on everything accepted so far. */
    void finish() {
        if (inline != null) {
            return;
        }
        if (!batch.isEmpty()) {
            submit();
        }
        while (!underWay.isEmpty()) {
            deliverOldest();
        }
    }

    long scored() {
        return scored;
    }

    long flagged() {
        return flagged;
    }

    private void deliver(ScoredFlow flow) {
        scored++;
        flagged += flow.attack() ? 1 : 0;
        output.write(inlineRenderer.render(flow), flow.ack());
    }

    private void submit() {
        List<FeaturedConnection> work = batch;
        batch = new ArrayList<>(BATCH);
        underWay.add(CompletableFuture.supplyAsync(() -> render(work), pool));
        while (underWay.size() > maxUnderWay) {
            deliverOldest();
        }
    }

    private void deliverOldest() {
        Done done;
        try {
            done = underWay.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("scoring failed: " + e.getCause(), e.getCause());
        }
        scored += done.flows().size();
        flagged += done.flagged();
        for (RenderedFlow flow : done.flows()) {
            output.write(flow, flow.flow().ack());
        }
    }

    private Done render(List<FeaturedConnection> work) {
        Renderer renderer = renderers.get();
        List<RenderedFlow> out = new ArrayList<>(work.size());
        long[] flaggedHere = {0};
        FlowScorer scorer = new FlowScorer(model, threshold, flow -> {
            flaggedHere[0] += flow.attack() ? 1 : 0;
            out.add(renderer.render(flow));
        });
        work.forEach(scorer);
        return new Done(out, flaggedHere[0]);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
