package org.flowscore.sink.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.flowscore.source.registry.Acknowledgement;

/**
 * Writes documents with bulk {@code create} through the client's {@link BulkIngester} and accounts for
 * every one: indexed, already there (409, which is success for a deterministic id), retried until it
 * lands (per-item 429/5xx, whole-request 429/5xx, connection failures: jittered exponential backoff, no
 * limit), dead-lettered when Elasticsearch refuses it for good, or, when only the user can fix the cause
 * (credentials, privileges, certificates), the run stops with that message and the count of what was not
 * written.
 *
 * <p>Retries are ours rather than the ingester's {@code backoffPolicy}: that policy covers per-item 429
 * only, gives up after a fixed count and then hands the item to the listener as failed, and does nothing
 * for a request that failed whole, which is what an Elasticsearch restart looks like.
 *
 * <p>Backpressure: {@link #add} blocks while {@code maxInFlight} documents are unacknowledged, so a
 * caller reading logs pauses while Elasticsearch is slow or away and memory stays bounded. That bound is
 * also what limits concurrent requests: the ingester's own limit is set out of reach, because its wait for
 * a free request slot wakes one waiter per finished request, and when the woken thread finds nothing left
 * to send the wake-up is lost; with a reader, a retry thread and the flush timer all adding and flushing,
 * that left every thread waiting with no request in flight (seen here with Elasticsearch stopped).
 */
public final class BulkWriter implements AutoCloseable {
    private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** A document on its way, with how often it was already retried. */
    private record Doc(String index, String id, byte[] json, int attempt, Acknowledgement ack) {
        Doc retry() {
            return new Doc(index, id, json, attempt + 1, ack);
        }
    }

    private static final class Counters {
        final LongAdder sent = new LongAdder();
        final LongAdder indexed = new LongAdder();
        final LongAdder duplicates = new LongAdder();
        final LongAdder deadLettered = new LongAdder();
    }

    private final BulkIngester<Doc> ingester;
    private final ScheduledExecutorService retries;
    private final ScheduledExecutorService ingesterThreads;
    private final DeadLetters deadLetters;
    private final Backoff backoff;
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
    private volatile boolean failing;
    private volatile EsSinkException fatal;
    private BulkStats finished;

    /**
     * @param where the URLs, for messages
     * @param log   where progress notes go (outages, recoveries), one line each
     */
    public BulkWriter(ElasticsearchClient client, String where, Batching batching, Path deadLetter,
                      Consumer<String> log) {
        this(client, where, batching, deadLetter, Backoff.DEFAULT, log);
    }

    BulkWriter(ElasticsearchClient client, String where, Batching batching, Path deadLetter, Backoff backoff,
               Consumer<String> log) {
        this.where = where;
        this.deadLetters = new DeadLetters(deadLetter);
        this.backoff = backoff;
        this.log = log;
        this.bound = batching.maxInFlight();
        this.permits = new Semaphore(bound);
        this.retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "flowscore-bulk-retry");
            t.setDaemon(true);
            return t;
        });
        // Listeners and the flush timer only; the ingester would otherwise start a thread per request slot.
        this.ingesterThreads = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "flowscore-bulk");
            t.setDaemon(true);
            return t;
        });
        this.ingester = BulkIngester.of(b -> b.client(client)
                .maxOperations(batching.maxOperations())
                .maxSize(batching.maxBytes())
                .maxConcurrentRequests(batching.maxInFlight() + 1)
                .flushInterval(batching.flushInterval().toMillis(), TimeUnit.MILLISECONDS, ingesterThreads)
                .listener(new Listener()));
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
        acquire();
        streams.computeIfAbsent(index, k -> new Counters()).sent.increment();
        submit(new Doc(index, id, json.getBytes(StandardCharsets.UTF_8), 0, ack));
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
                ingester.flush();
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fatal(new EsSinkException("interrupted while " + inFlight.get() + " documents were unacknowledged"));
        } finally {
            ingester.close();
            retries.shutdownNow();
            ingesterThreads.shutdownNow();
            try {
                deadLetters.close();
            } catch (IOException e) {
                log.accept("could not close the dead-letter file " + deadLetters.path() + ": " + e.getMessage());
            }
        }
        if (fatal != null) {
            throw new EsSinkException(fatal.getMessage() + " (" + (abandoned.sum() + inFlight.get())
                    + " documents were not written)", fatal);
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

    private void submit(Doc doc) {
        ingester.add(BulkOperation.of(op -> op.create(c -> c.index(doc.index()).id(doc.id())
                .document(BinaryData.of(doc.json(), ContentType.APPLICATION_JSON)))), doc);
    }

    /** The document is accounted for: it frees its place for the next one. */
    private void done(Doc doc) {
        inFlight.decrementAndGet();
        permits.release();
    }

    private void retry(Doc doc) {
        retried.increment();
        retries.schedule(() -> {
            if (fatal != null) {
                abandoned.increment();
                done(doc);
            } else {
                submit(doc.retry());
            }
        }, backoff.delayMillis(doc.attempt()), TimeUnit.MILLISECONDS);
    }

    private void fatal(EsSinkException e) {
        if (fatal == null) {
            fatal = e;
        }
    }

    private void item(BulkResponseItem item, Doc doc) {
        Counters counters = streams.get(doc.index());
        int status = item.status();
        if (item.error() == null) {
            counters.indexed.increment();
        } else if (status == 409) {
            counters.duplicates.increment();
        } else if (status == 429 || status >= 500) {
            retry(doc);
            return;
        } else if (status == 401 || status == 403) {
            fatal(new EsSinkException("Elasticsearch refused writing to " + doc.index() + " (HTTP " + status + ": "
                    + reason(item.error()) + "): the user needs the index privileges create_doc and auto_configure"
                    + " on logs-flowscore.*"));
            abandoned.increment();
            done(doc);
            return;
        } else {
            deadLetters.write(reason(item.error()), status, doc.index(), doc.id(),
                    new String(doc.json(), StandardCharsets.UTF_8));
            counters.deadLettered.increment();
        }
        doc.ack().acknowledged();
        done(doc);
    }

    private static String reason(ErrorCause error) {
        StringBuilder s = new StringBuilder(error.type()).append(": ").append(error.reason());
        if (error.causedBy() != null) {
            s.append(" (caused by ").append(error.causedBy().type()).append(": ")
                    .append(error.causedBy().reason()).append(')');
        }
        return s.toString();
    }

    private void requestFailed(List<Doc> docs, Throwable failure) {
        String message = Failures.describe(failure, where);
        if (!Failures.retryable(failure)) {
            fatal(new EsSinkException(message, failure));
            abandoned.add(docs.size());
            docs.forEach(this::done);
            return;
        }
        failing = true;
        long now = System.nanoTime();
        long last = lastFailureLog.get();
        if (now - last >= LOG_EVERY_NANOS && lastFailureLog.compareAndSet(last, now)) {
            log.accept(message + "; retrying " + docs.size() + " documents (and holding back reading) until it"
                    + " answers");
        }
        docs.forEach(this::retry);
    }

    /** Runs on the ingester's threads, once per finished bulk request. */
    private final class Listener implements BulkListener<Doc> {
        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<Doc> contexts) {
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Doc> contexts, BulkResponse response) {
            if (failing) {
                failing = false;
                log.accept(where + " answers again; resending what was held back");
            }
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < items.size(); i++) {
                item(items.get(i), contexts.get(i));
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<Doc> contexts, Throwable failure) {
            requestFailed(contexts, failure);
        }
    }
}
