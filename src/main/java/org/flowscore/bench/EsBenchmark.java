package org.flowscore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flowscore.elastic.EsAuth;
import org.flowscore.elastic.EsTls;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.flow.CommunityId;
import org.flowscore.format.ReaderContext;
import org.flowscore.model.Model;
import org.flowscore.read.ReadOptions;
import org.flowscore.runtime.BatchRun;
import org.flowscore.setup.ClusterCheck;
import org.flowscore.setup.EsHttp;
import org.flowscore.setup.TemplateInstaller;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.RenderedFlow;
import org.flowscore.sink.Renditions;
import org.flowscore.sink.es.Batching;
import org.flowscore.sink.es.EsOutputSettings;
import org.flowscore.sink.es.EsSink;
import org.flowscore.source.InputFile;
import org.flowscore.source.LineSource;

/**
 * {@code score --es} end to end (read, features, model, render, bulk writer) against the ceiling of the
 * same server: the same documents, serialised beforehand, posted by a plain sequential {@code _bulk} loop.
 * The inputs are scored {@code passes} times under other sensor names, so every pass writes new ids; each
 * measurement writes into data streams of a namespace of its own, so none meets the previous one's ids.
 */
public final class EsBenchmark {
    private static final int RAW_BULK_DOCS = 2000;
    private static final String STREAM_PLACEHOLDER = "-NAMESPACE\"";

    private final URI url;
    private final Model model;
    private final List<InputFile> inputs;
    private final int passes;
    private final PrintWriter out;
    private final String run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);

    /** One {@code _bulk} body of creates, its streams' namespace still a placeholder. */
    private record Bulk(String body, int docs) {
    }

    public EsBenchmark(URI url, Model model, List<InputFile> inputs, int passes, PrintWriter out) {
        this.url = url;
        this.model = model;
        this.inputs = inputs;
        this.passes = passes;
        this.out = out;
    }

    public void run() throws Exception {
        out.println("Elasticsearch " + ClusterCheck.check(new EsHttp(url)).number() + " at " + url);
        long rendering = System.nanoTime();
        List<Bulk> bodies = render();
        double renderSeconds = (System.nanoTime() - rendering) / 1e9;
        long docs = bodies.stream().mapToLong(Bulk::docs).sum();
        out.printf(Locale.ROOT, "%,d documents per measurement (flows and alert copies), %d passes of the inputs;"
                + " reading, features, scoring and rendering them took %.1f s%n", docs, passes, renderSeconds);
        out.printf(Locale.ROOT, "warming the server up with one raw run: %,.0f docs/s%n", raw(bodies, "warm"));
        // The server keeps getting faster for a while, so each is measured twice, in both orders.
        double raw1 = raw(bodies, "raw1");
        double sink1 = endToEnd("sink1");
        double sink2 = endToEnd("sink2");
        double raw2 = raw(bodies, "raw2");
        double sink = (sink1 + sink2) / 2;
        double raw = (raw1 + raw2) / 2;
        out.printf(Locale.ROOT, "end to end (score --es):                     %,8.0f and %,8.0f docs/s, mean %,8.0f%n",
                sink1, sink2, sink);
        out.printf(Locale.ROOT, "raw ceiling (pre-serialised, _bulk of %,d): %,8.0f and %,8.0f docs/s, mean %,8.0f%n",
                RAW_BULK_DOCS, raw1, raw2, raw);
        out.printf(Locale.ROOT, "ratio: %.0f%% of the ceiling%n", 100 * sink / raw);
        out.printf(Locale.ROOT, "on disk after a force-merge: %,.0f bytes per flow document%n",
                bytesPerFlowDocument(namespace("sink2")));
        out.printf("written into the namespaces bench%s*; remove them with DELETE /_data_stream/logs-flowscore.*-bench%s*%n",
                run, run);
        out.flush();
    }

    /**
     * The raw {@code _bulk} ceiling alone, measured as {@link #run} measures it (after a warm-up run, the mean of
     * two), for another benchmark to compare with; docs/s.
     */
    public double rawCeiling() throws Exception {
        List<Bulk> bodies = render();
        raw(bodies, "warm");
        double ceiling = (raw(bodies, "raw1") + raw(bodies, "raw2")) / 2;
        out.printf(Locale.ROOT, "raw _bulk ceiling of %s (pre-serialised, _bulk of %,d): %,.0f docs/s%n", url,
                RAW_BULK_DOCS, ceiling);
        return ceiling;
    }

    private String namespace(String measurement) {
        return "bench" + run + measurement;
    }

    private void setUp(String namespace) {
        new TemplateInstaller(new EsHttp(url)).install(namespace, "bench");
    }

    /** Every pass into {@code output}, which is finished once, after the last: a run finishes its output. */
    private void score(FlowOutput output) throws Exception {
        FlowOutput onePass = new FlowOutput() {
            @Override
            public Renditions needs() {
                return output.needs();
            }

            @Override
            public void write(RenderedFlow flow, Acknowledgement stored) {
                output.write(flow, stored);
            }

            @Override
            public void flush() throws IOException {
                output.flush();
            }

            @Override
            public void finish() throws IOException {
                output.flush();
            }
        };
        for (int pass = 0; pass < passes; pass++) {
            ReadOptions sensor = new ReadOptions(null, false, LineSource.DEFAULT_MAX_LINE_BYTES,
                    new ReaderContext("bench-" + pass, new CommunityId(0)));
            BatchRun.run(inputs, sensor, model, model.threshold(), onePass, 1);
        }
        output.finish();
    }

    /** One end-to-end run; docs/s from opening the sink to Elasticsearch's last acknowledgement. */
    private double endToEnd(String measurement) throws Exception {
        String namespace = namespace(measurement);
        setUp(namespace);
        EsOutputSettings settings = new EsOutputSettings(List.of(url), namespace, new EsAuth.None(), EsTls.DEFAULT,
                Path.of("flowscore-bench-dead-letter.ndjson"), Batching.DEFAULT);
        long started = System.nanoTime();
        EsSink.Summary summary;
        try (EsSink sink = EsSink.open(settings, note -> out.println("  " + note))) {
            score(sink);
            summary = sink.summary();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (summary.bulk().total().deadLettered() > 0) {
            throw new IOException(summary.bulk().total().deadLettered() + " documents were refused; see "
                    + summary.deadLetterFile());
        }
        return summary.bulk().total().indexed() / seconds;
    }

    /** What a flow document costs on disk once its stream is merged into one segment, as it ends up when cold. */
    private double bytesPerFlowDocument(String namespace) throws IOException {
        EsHttp http = new EsHttp(url);
        String stream = "/logs-flowscore.flow-" + namespace;
        for (String step : List.of("/_refresh", "/_forcemerge?max_num_segments=1")) {
            EsHttp.Response done = http.post(stream + step, "application/json", new byte[0], Map.of());
            if (!done.ok()) {
                throw new IOException(step + " of " + stream + " failed: HTTP " + done.status() + " " + done.body());
            }
        }
        EsHttp.Response stats = http.get(stream + "/_stats/store,docs");
        if (!stats.ok() || stats.json() == null) {
            throw new IOException("the stats of " + stream + " could not be read: HTTP " + stats.status());
        }
        JsonNode primaries = stats.json().at("/_all/primaries");
        return primaries.at("/store/size_in_bytes").asDouble() / primaries.at("/docs/count").asDouble();
    }

    private List<Bulk> render() throws Exception {
        BulkBodies bodies = new BulkBodies();
        score(bodies);
        return bodies.bodies;
    }

    /** Collects the rendered documents into {@code _bulk} bodies of {@link #RAW_BULK_DOCS}. */
    private static final class BulkBodies implements FlowOutput {
        private final List<Bulk> bodies = new ArrayList<>();
        private final StringBuilder body = new StringBuilder();
        private int inBody;

        @Override
        public Renditions needs() {
            return new Renditions(true, true, false);
        }

        @Override
        public void write(RenderedFlow flow, Acknowledgement stored) {
            append(body, "flow", flow.id(), flow.event());
            inBody++;
            if (flow.alert() != null) {
                append(body, "alert", flow.id(), flow.alert());
                inBody++;
            }
            if (inBody >= RAW_BULK_DOCS) {
                flush();
            }
            stored.acknowledged();
        }

        @Override
        public void flush() {
            if (inBody > 0) {
                bodies.add(new Bulk(body.toString(), inBody));
                body.setLength(0);
                inBody = 0;
            }
        }

        @Override
        public void finish() {
            flush();
        }
    }

    private static void append(StringBuilder body, String dataset, String id, byte[] json) {
        body.append("{\"create\":{\"_index\":\"logs-flowscore.").append(dataset).append(STREAM_PLACEHOLDER)
                .append(",\"_id\":\"").append(id).append("\"}}\n").append(new String(json, StandardCharsets.UTF_8))
                .append('\n');
    }

    /** Posts the bodies one after the other into the measurement's namespace; docs/s. */
    private double raw(List<Bulk> bodies, String measurement) throws IOException, InterruptedException {
        String namespace = namespace(measurement);
        setUp(namespace);
        List<String> ready = bodies.stream()
                .map(b -> b.body().replace(STREAM_PLACEHOLDER, "-" + namespace + "\"")).toList();
        long docs = bodies.stream().mapToLong(Bulk::docs).sum();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI bulk = url.resolve("/_bulk");
        long started = System.nanoTime();
        for (String body : ready) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(bulk)
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || r.body().contains("\"errors\":true")) {
                throw new IOException("the raw bulk loop failed: HTTP " + r.statusCode() + " "
                        + r.body().substring(0, Math.min(500, r.body().length())));
            }
        }
        return docs / ((System.nanoTime() - started) / 1e9);
    }
}
