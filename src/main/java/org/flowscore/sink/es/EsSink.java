package org.flowscore.sink.es;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.model.ScoredFlow;
import org.flowscore.sink.EcsDocuments;

/**
 * Scored flows into Elasticsearch: every flow into the flow stream, and flows the model flags, as
 * {@code event.kind: alert}, into the alert stream too, both under the flow's deterministic id so a rerun
 * adds nothing. {@link #accept} blocks while Elasticsearch is behind, which pauses the reader.
 */
public final class EsSink implements Consumer<ScoredFlow>, AutoCloseable {
    private final EsClients clients;
    private final BulkWriter writer;
    private final EcsDocuments documents;
    private final String flowStream;
    private final String alertStream;
    private final String deadLetterFile;
    private long flows;
    private long alerts;

    /** What a run wrote. */
    public record Summary(long flows, long alerts, String flowStream, String alertStream, String deadLetterFile,
                          BulkStats bulk) {
        public void print(PrintWriter out) {
            out.printf(Locale.ROOT, "elasticsearch: read %,d flows (%,d alerts)%n", flows, alerts);
            for (String stream : new String[] {flowStream, alertStream}) {
                BulkStats.StreamCounts c = bulk.stream(stream);
                out.printf(Locale.ROOT, "  %s: %,d indexed, %,d duplicates (409), %,d dead-lettered%n", stream,
                        c.indexed(), c.duplicates(), c.deadLettered());
            }
            out.printf(Locale.ROOT, "  retried %,d, elapsed %.1f s, %,.0f docs/s%n", bulk.retried(),
                    bulk.elapsed().toMillis() / 1000.0, bulk.docsPerSecond());
            if (bulk.total().deadLettered() > 0) {
                out.printf(Locale.ROOT, "  %,d documents Elasticsearch refused are in %s with the reason%n",
                        bulk.total().deadLettered(), deadLetterFile);
            }
        }
    }

    private EsSink(EsClients clients, BulkWriter writer, EcsDocuments documents, EsOutputSettings settings) {
        this.clients = clients;
        this.writer = writer;
        this.documents = documents;
        this.flowStream = settings.flowStream();
        this.alertStream = settings.alertStream();
        this.deadLetterFile = settings.deadLetter().toString();
    }

    /**
     * Connects, checks that the cluster lets us in (so a wrong URL, certificate or password fails now,
     * not after retrying), and returns a sink ready for flows.
     *
     * @param log where warnings and outage notes go
     */
    public static EsSink open(EsOutputSettings settings, EcsDocuments documents, Consumer<String> log) {
        EsClients clients = EsClients.open(settings, log);
        try {
            clients.check();
            BulkWriter writer = new BulkWriter(clients.client(), clients.where(), settings.batching(),
                    settings.deadLetter(), log);
            return new EsSink(clients, writer, documents, settings);
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
    }

    @Override
    public void accept(ScoredFlow flow) {
        accept(flow, Acknowledgement.NONE);
    }

    /** Writes the flow (and its alert copy) and calls {@code ack} once when all its documents are stored. */
    public void accept(ScoredFlow flow, Acknowledgement ack) {
        accept(documents.id(flow), documents.json(flow, "event"), flow.attack() ? documents.json(flow, "alert") : null,
                ack);
    }

    /**
     * One flow whose documents were rendered elsewhere (by worker threads, with {@link EcsDocuments});
     * {@code ack} is called once when all its documents are stored.
     *
     * @param alert the alert document of a flagged flow, or null
     */
    public void accept(String id, String event, String alert, Acknowledgement ack) {
        Acknowledgement perDocument = Acknowledgement.after(alert != null ? 2 : 1, ack);
        writer.add(flowStream, id, event, perDocument);
        flows++;
        if (alert != null) {
            writer.add(alertStream, id, alert, perDocument);
            alerts++;
        }
    }

    /** The writer's bound on unacknowledged documents, and what it reached so far. */
    public BulkWriter writer() {
        return writer;
    }

    /** Waits until everything is acknowledged or dead-lettered; then what was written. */
    public Summary finish() {
        return new Summary(flows, alerts, flowStream, alertStream, deadLetterFile, writer.finish());
    }

    /** {@link #finish()} unless done, then lets go of the connections. */
    @Override
    public void close() {
        try {
            writer.finish();
        } finally {
            clients.close();
        }
    }
}
