package org.flowscore.sink.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.flowscore.elastic.Failures;
import org.flowscore.flow.Acknowledgement;

/**
 * Writes documents with bulk {@code create} and accounts for every one: indexed, already there (409,
 * which is success for a deterministic id), retried until it lands (per-item 429/5xx, whole-request
 * 429/5xx, connection failures: jittered exponential backoff, no limit), dead-lettered when Elasticsearch
 * refuses it for good, or, when only the user can fix the cause (credentials, privileges, certificates),
 * the run stops with that message and the count of what was not written. Which of these a document
 * comes to is read off the answer alone, by {@code DocumentOutcome} and {@code RequestFailure}.
 *
 * <p>Documents gather in a batch that is sealed when it reaches {@code maxOperations} or {@code maxBytes},
 * or when the flush interval ticks; a few sender threads each take a sealed batch and send it with the
 * client's blocking {@code bulk} call, so {@code maxInFlight / maxOperations} requests (at least one) are
 * out at a time. The client's {@code BulkIngester} is not used: it sends while holding its own lock, and
 * the HTTP client completes a refused connection on its I/O thread while holding the connection pool's
 * lock, then needs the ingester's; with Elasticsearch away and several requests out, the two deadlocked
 * and writing stopped for good (a thread dump here showed it; elastic/elasticsearch-java#925). Its retry
 * policy did not fit either: it covers per-item 429 only and gives up after a fixed count.
 *
 * <p>Backpressure: {@link #add} blocks while {@code maxInFlight} documents are unacknowledged, retries
 * included, so a caller reading logs pauses while Elasticsearch is slow or away and memory stays bounded.
 */
public final class BulkWriter implements AutoCloseable {
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** A document on its way, with how often it was already retried. */
    private record Doc(String index, String id, byte[] json, int attempt, Acknowledgement ack) {
        Doc retry() {
            return new Doc(index, id, json, attempt + 1, ack);
        }

        BulkOperation operation() {
            return BulkOperation.of(op -> op.create(c -> c.index(index).id(id)
                    .document(BinaryData.of(json, ContentType.APPLICATION_JSON))));
        }
    }

    private static final class Counters {
        final LongAdder sent = new LongAdder();
        final LongAdder indexed = new LongAdder();
        final LongAdder duplicates = new LongAdder();
        final LongAdder deadLettered = new LongAdder();
    }

    private final ElasticsearchClient client;
    private final Batching batching;
    /** Seals a partly filled batch every flush interval and runs the retries when their wait is over. */
    private final ScheduledExecutorService timer;
    private final List<Thread> senders;
    private final BlockingQueue<List<Doc>> sealed = new LinkedBlockingQueue<>();
    /** Guards the filling batch; not {@code this}, which {@link #finish} holds while it waits. */
    private final Object fillingLock = new Object();
    private List<Doc> filling = new ArrayList<>();
    private long fillingBytes;
    /** Document bytes a request carries at most: the batching's, lowered for good by a 413 answer. */
    private final AtomicLong requestBytes;
    private final DeadLetters deadLetters;
    private final Consumer<String> log;
    private final String where;
    private final Semaphore permits;
    private final int bound;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final LongAdder retried = new LongAdder();
    private final LongAdder abandoned = new LongAdder();
    private final Map<String, Counters> streams = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicLong lastFailureLog = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);
    private final long started = System.nanoTime();
    /** When a request first failed in the current outage, else 0. */
    private final AtomicLong failingSince = new AtomicLong();
    private volatile EsSinkException fatal;
    private BulkStats finished;
    /** Set when finishing stopped the sender threads: a document added after it would wait for ever. */
    private volatile boolean stopped;

    /**
     * @param where the URLs, for messages
     * @param log   where progress notes go (outages, recoveries), one line each
     */
    public BulkWriter(ElasticsearchClient client, String where, Batching batching, Path deadLetter,
                      Consumer<String> log) {
        this.client = client;
        this.batching = batching;
        this.where = where;
        this.deadLetters = new DeadLetters(deadLetter);
        this.log = log;
        this.bound = batching.maxInFlight();
        this.requestBytes = new AtomicLong(batching.maxBytes());
        this.permits = new Semaphore(bound);
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("flowscore-bulk-timer").daemon().factory());
        long interval = batching.flushInterval().toNanos();
        timer.scheduleWithFixedDelay(this::sealPartial, interval, interval, TimeUnit.NANOSECONDS);
        Thread.Builder senderThreads = Thread.ofPlatform().name("flowscore-bulk-", 1).daemon();
        this.senders = Stream.generate(() -> senderThreads.unstarted(this::sendSealed))
                .limit(Math.max(1, batching.maxInFlight() / batching.maxOperations()))
                .toList();
        senders.forEach(Thread::start);
    }

    /** Queues one document for {@code create} with this id; blocks while too many are unacknowledged. */
    public void add(String index, String id, String json) {
        add(index, id, json, Acknowledgement.NONE);
    }

    /**
     * As {@link #add(String, String, String)}, and calls {@code ack} once the document is indexed, found
     * already there (409) or dead-lettered; never when it was abandoned because the run stopped on a failure.
     */
    public void add(String index, String id, String json, Acknowledgement ack) {
        add(index, id, json.getBytes(StandardCharsets.UTF_8), ack);
    }

    /** As {@link #add(String, String, String, Acknowledgement)}, of a document already rendered as UTF-8 JSON. */
    public void add(String index, String id, byte[] json, Acknowledgement ack) {
        acquire();
        streams.computeIfAbsent(index, k -> new Counters()).sent.increment();
        enqueue(new Doc(index, id, json, 0, ack));
    }

    /** The most documents that may be unacknowledged at once. */
    public int inFlightBound() {
        return bound;
    }

    /**
     * Sends what is buffered and waits until every document is acknowledged or dead-lettered, however
     * long Elasticsearch is away; then the stats. Later calls return the same stats.
     *
     * @throws EsSinkException when a failure only the user can fix stopped the writing
     */
    public synchronized BulkStats finish() {
        if (finished != null) {
            return finished;
        }
        try {
            while (inFlight.get() > 0 && fatal == null) {
                sealPartial();
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fatal(new EsSinkException("interrupted while " + inFlight.get() + " documents were unacknowledged"));
        } finally {
            stopThreads();
            try {
                deadLetters.close();
            } catch (IOException e) {
                log.accept("could not close the dead-letter file " + deadLetters.path() + ": " + e.getMessage());
            }
        }
        if (fatal != null) {
            long unwritten = abandoned.sum() + inFlight.get();
            throw new EsSinkException(fatal.getMessage() + " (" + unwritten + (unwritten == 1
                    ? " document was" : " documents were") + " not written)", fatal);
        }
        finished = stats();
        return finished;
    }

    /** {@link #finish()}, for try-with-resources: nothing handed over is dropped on the way out. */
    @Override
    public void close() {
        finish();
    }

    public BulkStats stats() {
        Map<String, BulkStats.StreamCounts> out = new LinkedHashMap<>();
        synchronized (streams) {
            streams.forEach((name, c) -> out.put(name, new BulkStats.StreamCounts(c.sent.sum(), c.indexed.sum(),
                    c.duplicates.sum(), c.deadLettered.sum())));
        }
        return new BulkStats(out, retried.sum(), maxInFlight.get(), Duration.ofNanos(System.nanoTime() - started));
    }

    private void acquire() {
        if (stopped) {
            throw new IllegalStateException("documents added to a bulk writer after it finished are never sent");
        }
        try {
            while (!permits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                throwIfFatal();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EsSinkException("interrupted while waiting for Elasticsearch", e);
        }
        if (fatal != null) {
            permits.release();
            throwIfFatal();
        }
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    private void throwIfFatal() {
        EsSinkException f = fatal;
        if (f != null) {
            throw new EsSinkException(f.getMessage(), f);
        }
    }

    private void enqueue(Doc doc) {
        synchronized (fillingLock) {
            filling.add(doc);
            fillingBytes += doc.json().length;
            if (filling.size() >= batching.maxOperations() || fillingBytes >= requestBytes.get()) {
                sealFilling();
            }
        }
    }

    private void sealPartial() {
        synchronized (fillingLock) {
            if (!filling.isEmpty()) {
                sealFilling();
            }
        }
    }

    private void sealFilling() {
        sealed.add(filling);
        filling = new ArrayList<>();
        fillingBytes = 0;
    }

    /** A sender thread's life: one sealed batch after another until {@link #finish} stops it. */
    private void sendSealed() {
        try {
            while (true) {
                send(sealed.take());
            }
        } catch (InterruptedException stopped) {
            // finish() is done with the senders
        } catch (RuntimeException e) {
            // A sender that died silently would leave its documents unaccounted and finish() waiting for ever.
            fatal(new EsSinkException("writing to " + where + " stopped: " + e, e));
        }
    }

    private void send(List<Doc> batch) {
        BulkResponse response;
        long sentAt = System.nanoTime();
        try {
            response = client.bulk(BulkRequest.of(r -> r.operations(batch.stream().map(Doc::operation).toList())));
        } catch (IOException | RuntimeException e) {
            if (Failures.tooLarge(e)) {
                tooLarge(batch);
            } else {
                requestFailed(batch, e);
            }
            return;
        }
        long since = failingSince.get();
        // An answer to a request sent before the outage began says nothing about recovery.
        if (since != 0 && sentAt - since > 0 && failingSince.compareAndSet(since, 0)) {
            log.accept(where + " answers again; resending what was held back");
        }
        List<DocumentOutcome> outcomes = DocumentOutcome.of(response);
        if (outcomes.size() != batch.size()) {
            // Elasticsearch answers every operation; a reply that does not (a proxy's, a broken one) tells nothing
            // about any document, and deterministic ids make sending them all again safe.
            requestFailed(batch, new IOException("the bulk reply has " + outcomes.size() + " items for "
                    + batch.size() + " documents"));
            return;
        }
        for (int i = 0; i < outcomes.size(); i++) {
            answered(batch.get(i), outcomes.get(i));
        }
    }

    private void stopThreads() {
        stopped = true;
        timer.shutdownNow();
        senders.forEach(Thread::interrupt);
        for (Thread sender : senders) {
            try {
                sender.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The document is accounted for: it frees its place for the next one. */
    private void done(Doc doc) {
        inFlight.decrementAndGet();
        permits.release();
    }

    private void abandon(Doc doc) {
        abandoned.increment();
        done(doc);
    }

    private void retry(Doc doc) {
        retried.increment();
        if (fatal == null) {
            try {
                timer.schedule(() -> resend(doc), Backoff.DEFAULT.delayMillis(doc.attempt()), TimeUnit.MILLISECONDS);
                return;
            } catch (RejectedExecutionException finishing) {
                // finish() gave up on the writing (interrupted or fatal): nothing will send it
            }
        }
        abandon(doc);
    }

    private void resend(Doc doc) {
        if (fatal != null) {
            abandon(doc);
        } else {
            enqueue(doc.retry());
        }
    }

    private void fatal(EsSinkException e) {
        if (fatal == null) {
            fatal = e;
        }
    }

    /** Does what the answer for this document calls for. */
    private void answered(Doc doc, DocumentOutcome outcome) {
        Counters counters = streams.get(doc.index());
        switch (outcome) {
            case DocumentOutcome.Indexed ignored -> acknowledge(doc, counters.indexed);
            case DocumentOutcome.AlreadyThere ignored -> acknowledge(doc, counters.duplicates);
            case DocumentOutcome.Retry ignored -> retry(doc);
            case DocumentOutcome.Fatal refused -> {
                fatal(new EsSinkException(refused.message(doc.index())));
                abandon(doc);
            }
            case DocumentOutcome.DeadLetter letter -> {
                deadLetters.write(letter.reason(), letter.status(), doc.index(), doc.id(),
                        new String(doc.json(), StandardCharsets.UTF_8));
                acknowledge(doc, counters.deadLettered);
            }
        }
    }

    /** The document is settled for good (written, already there or dead-lettered): counted and acknowledged. */
    private void acknowledge(Doc doc, LongAdder count) {
        count.increment();
        doc.ack().acknowledged();
        done(doc);
    }

    /**
     * A request refused as too large (413): its halves are sent at once, and no later request is made as large.
     * A document refused alone is larger than anything the server takes, and is dead-lettered.
     */
    private void tooLarge(List<Doc> batch) {
        if (batch.size() == 1) {
            Doc doc = batch.getFirst();
            deadLetters.write("request_entity_too_large: the document alone is larger than " + where
                    + " accepts in a request", 413, doc.index(), doc.id(),
                    new String(doc.json(), StandardCharsets.UTF_8));
            acknowledge(doc, streams.get(doc.index()).deadLettered);
            return;
        }
        long bytes = batch.stream().mapToLong(doc -> doc.json().length).sum();
        long limit = bytes / 2;
        if (requestBytes.getAndAccumulate(limit, Math::min) > limit) {
            log.accept(where + " refused a bulk request of " + batch.size() + " documents (" + bytes
                    + " bytes) as too large (HTTP 413: its limit or a proxy's); sending at most " + limit
                    + " bytes of documents per request from now on");
        }
        int half = batch.size() / 2;
        sealed.add(new ArrayList<>(batch.subList(0, half)));
        sealed.add(new ArrayList<>(batch.subList(half, batch.size())));
    }

    private void requestFailed(List<Doc> docs, Throwable failure) {
        switch (RequestFailure.of(failure, where)) {
            case RequestFailure.Fatal refused -> {
                fatal(new EsSinkException(refused.message(), failure));
                docs.forEach(this::abandon);
            }
            case RequestFailure.Retry outage -> {
                long now = System.nanoTime();
                failingSince.compareAndSet(0, now);
                long last = lastFailureLog.get();
                if (now - last >= LOG_EVERY_NANOS && lastFailureLog.compareAndSet(last, now)) {
                    log.accept(outage.message() + "; retrying " + docs.size() + " documents (and holding back"
                            + " reading) until it answers");
                }
                docs.forEach(this::retry);
            }
        }
    }
}
