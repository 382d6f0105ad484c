package org.flowscore.backfill;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.flowscore.features.FeaturedConnection;
import org.flowscore.model.FlowScorer;
import org.flowscore.model.Model;
import org.flowscore.model.ScoredFlow;
import org.flowscore.sink.EcsDocuments;

/**
 * Scores featured connections and renders their documents on worker threads, and hands the results on in
 * the order the connections came, on the caller's thread. Scoring and rendering look at one connection
 * only, so running them in parallel changes nothing but the speed. At most {@code 2 × threads} batches are
 * under way: when the outputs fall behind, {@link #add} waits for the oldest, which holds back the
 * feature extraction and, through it, the reading.
 */
final class Scoring implements AutoCloseable {
    private static final int BATCH = 512;

    private record Pending(FeaturedConnection featured, Origin origin) {
    }

    private record Done(List<RenderedFlow> flows, long attacks) {
    }

    private final Model model;
    private final double threshold;
    private final Rendering rendering;
    private final Consumer<RenderedFlow> output;
    private final ExecutorService pool;
    private final ThreadLocal<EcsDocuments> documents;
    private final ArrayDeque<CompletableFuture<Done>> underWay = new ArrayDeque<>();
    private final int maxUnderWay;
    private List<Pending> batch = new ArrayList<>(BATCH);
    private long attacks;

    Scoring(Model model, double threshold, Rendering rendering, int threads, Consumer<RenderedFlow> output) {
        this.model = model;
        this.threshold = threshold;
        this.rendering = rendering;
        this.output = output;
        this.maxUnderWay = 2 * threads;
        this.documents = ThreadLocal.withInitial(() -> new EcsDocuments(model.info(), threshold));
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "flowscore-score-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void add(FeaturedConnection featured, Origin origin) {
        batch.add(new Pending(featured, origin));
        if (batch.size() == BATCH) {
            submit();
        }
    }

    /** Hands on everything added so far. */
    void finish() {
        if (!batch.isEmpty()) {
            submit();
        }
        while (!underWay.isEmpty()) {
            deliverOldest();
        }
    }

    long attacks() {
        return attacks;
    }

    private void submit() {
        List<Pending> work = batch;
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
        attacks += done.attacks();
        done.flows().forEach(output);
    }

    private Done render(List<Pending> work) {
        List<ScoredFlow> scoredFlows = new ArrayList<>(work.size());
        FlowScorer scorer = new FlowScorer(model, threshold, scoredFlows::add);
        for (Pending p : work) {
            scorer.accept(p.featured());
        }
        EcsDocuments docs = documents.get();
        List<RenderedFlow> out = new ArrayList<>(work.size());
        for (int i = 0; i < work.size(); i++) {
            ScoredFlow flow = scoredFlows.get(i);
            Pending p = work.get(i);
            String id = rendering.alerts() ? docs.id(flow) : null;
            String event = rendering.events() ? docs.json(flow, "event") : null;
            String alert = rendering.alerts() && flow.attack() ? docs.json(flow, "alert") : null;
            out.add(new RenderedFlow(flow, p.origin(), id, event, alert));
        }
        return new Done(out, scorer.attacks());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
