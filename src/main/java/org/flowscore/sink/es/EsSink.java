package org.flowscore.sink.es;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.RenderedFlow;
import org.flowscore.sink.Renditions;

/**
 * Scored flows into Elasticsearch: every flow into the flow stream, and the alerts into the alert stream: the
 * alert copy ({@code event.kind: alert}) of a flagged flow that gets one, and the alert documents that stand for
 * several ({@link #alert}: alert groups), each under its deterministic id so a rerun adds nothing. {@link #write}
 * blocks while Elasticsearch is behind, which pauses the reader.
 */
public final class EsSink implements FlowOutput, AutoCloseable {
    private static final Renditions NEEDS = new Renditions(true, true, false);

    private final EsClients clients;
    private final BulkWriter writer;
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

    private EsSink(EsClients clients, BulkWriter writer, EsOutputSettings settings) {
        this.clients = clients;
        this.writer = writer;
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
    public static EsSink open(EsOutputSettings settings, Consumer<String> log) {
        EsClients clients = EsClients.open(settings, log);
        try {
            clients.check();
            BulkWriter writer = new BulkWriter(clients.client(), clients.where(), settings.batching(),
                    settings.deadLetter(), log);
            return new EsSink(clients, writer, settings);
        } catch (RuntimeException e) {
            clients.close();
            throw e;
        }
    }

    @Override
    public Renditions needs() {
        return NEEDS;
    }

    /** Writes the flow (and its alert copy) and calls {@code stored} once when all its documents are stored. */
    @Override
    public void write(RenderedFlow flow, Acknowledgement stored) {
        Acknowledgement perDocument = Acknowledgement.after(flow.alert() != null ? 2 : 1, stored);
        writer.add(flowStream, flow.id(), flow.event(), perDocument);
        flows++;
        if (flow.alert() != null) {
            writer.add(alertStream, flow.id(), flow.alert(), perDocument);
            alerts++;
        }
    }

    /** Writes an alert document that stands for several flows into the alert stream. */
    @Override
    public void alert(String id, String document, Acknowledgement stored) {
        writer.add(alertStream, id, document, stored);
        alerts++;
    }

    /** Nothing to do: documents go out as batches fill or the batching interval ends. */
    @Override
    public void flush() {
    }

    /** The writer's bound on unacknowledged documents, and what it reached so far. */
    public BulkWriter writer() {
        return writer;
    }

    /** Waits until everything is acknowledged or dead-lettered. */
    @Override
    public void finish() {
        writer.finish();
    }

    /** What was written, once {@link #finish} returned. */
    public Summary summary() {
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
