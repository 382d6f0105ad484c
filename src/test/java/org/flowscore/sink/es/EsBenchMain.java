package org.flowscore.sink.es;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flowscore.flow.CommunityId;
import org.flowscore.format.ReaderContext;
import org.flowscore.pipeline.ReadOptions;
import org.flowscore.sink.EcsDocuments;
import org.flowscore.source.LineSource;
import org.flowscore.testing.ElasticsearchServer;
import org.flowscore.testing.EsRequests;
import org.flowscore.testing.ScoredDocuments;
import org.flowscore.testing.StandInPipeline;

/**
 * Benchmark, not a test: end-to-end scoring of the rita-missing-host day (repeated under other sensor
 * names, so every pass writes new ids) into a local single-node server through {@link EsSink}, against
 * the ceiling of the same documents, serialised beforehand, posted by a plain sequential {@code _bulk}
 * loop. Each pass writes into fresh data streams. Starts its own server unless given a URL:
 * {@code EsBenchMain [REPEATS [URL|own [DOCS_PER_REQUEST IN_FLIGHT]]]} (default batching otherwise).
 */
public final class EsBenchMain {
    private static final int BULK_DOCS = 2000;

    private EsBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String url = args.length > 1 && !args[1].equals("own") ? args[1] : ElasticsearchServer.startOwn().url();
        Batching batching = args.length > 3 ? new Batching(Integer.parseInt(args[2]), Batching.DEFAULT.maxBytes(),
                Integer.parseInt(args[3]), Batching.DEFAULT.flushInterval()) : Batching.DEFAULT;
        PrintWriter out = new PrintWriter(System.out, true);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000);
        out.println("batching: " + batching);

        long rendering = System.nanoTime();
        List<Bulk> bodies = documents(repeats);
        double renderSeconds = (System.nanoTime() - rendering) / 1e9;
        long docs = bodies.stream().mapToLong(Bulk::docs).sum();
        raw(url, bodies, "warm" + run);
        // Elasticsearch gets faster as it warms up, so the two are measured twice, in both orders.
        double[] rawRates = new double[2];
        double[] sinkRates = new double[2];
        for (int round = 0; round < 2; round++) {
            if (round == 0) {
                rawRates[round] = docs / raw(url, bodies, "raw" + round + run);
            }
            sinkRates[round] = sink(url, repeats, batching, "sink" + round + run, out);
            if (round == 1) {
                rawRates[round] = docs / raw(url, bodies, "raw" + round + run);
            }
        }
        double sinkRate = (sinkRates[0] + sinkRates[1]) / 2;
        double rawRate = (rawRates[0] + rawRates[1]) / 2;
        out.printf(Locale.ROOT, "end to end (read, features, score, render, BulkIngester): %,.0f and %,.0f docs/s, mean %,.0f%n",
                sinkRates[0], sinkRates[1], sinkRate);
        out.printf(Locale.ROOT, "raw ceiling (pre-serialised, plain _bulk loop of %d):    %,.0f and %,.0f docs/s, mean %,.0f%n",
                BULK_DOCS, rawRates[0], rawRates[1], rawRate);
        out.printf(Locale.ROOT, "ratio: %.0f%% (%,d documents per pass)%n", 100 * sinkRate / rawRate, docs);
        out.printf(Locale.ROOT, "(client side alone: reading, features, scoring and rendering the bodies took %.2f s)%n",
                renderSeconds);
        System.exit(0);
    }

    /** One end-to-end pass into fresh streams; its docs/s from opening the sink to the last acknowledgement. */
    private static double sink(String url, int repeats, Batching batching, String namespace, PrintWriter out) {
        EsTestSettings.setUp(url, namespace);
        long started = System.nanoTime();
        EsSink.Summary summary;
        try (EsSink sink = EsSink.open(new EsOutputSettings(List.of(URI.create(url)), namespace, new EsAuth.None(),
                EsTls.DEFAULT, Path.of("bench-dead-letter.ndjson"), batching), documents(), System.err::println)) {
            for (int r = 0; r < repeats; r++) {
                StandInPipeline.run(StandInPipeline.ritaDay(), sensor(r), sink);
            }
            summary = sink.finish();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        summary.print(out);
        return summary.bulk().total().indexed() / seconds;
    }

    private static EcsDocuments documents() {
        return new EcsDocuments(ScoredDocuments.model(), StandInPipeline.THRESHOLD);
    }

    private static ReadOptions sensor(int repeat) {
        return new ReadOptions(null, false, LineSource.DEFAULT_MAX_LINE_BYTES,
                new ReaderContext("bench-" + repeat, new CommunityId(0)));
    }

    /** One _bulk body of creates: the stream is a placeholder, set per pass. */
    private record Bulk(String body, int docs) {
    }

    /** The documents the sink writes, as _bulk bodies: flows and alerts, with their ids. */
    private static List<Bulk> documents(int repeats) {
        EcsDocuments docs = documents();
        List<Bulk> out = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        int[] n = {0};
        for (int r = 0; r < repeats; r++) {
            StandInPipeline.run(StandInPipeline.ritaDay(), sensor(r), flow -> {
                String id = docs.id(flow);
                body.append("{\"create\":{\"_index\":\"logs-flowscore.flow-NS\",\"_id\":\"").append(id).append("\"}}\n")
                        .append(docs.json(flow, "event")).append('\n');
                n[0]++;
                if (flow.attack()) {
                    body.append("{\"create\":{\"_index\":\"logs-flowscore.alert-NS\",\"_id\":\"").append(id)
                            .append("\"}}\n").append(docs.json(flow, "alert")).append('\n');
                    n[0]++;
                }
                if (n[0] >= BULK_DOCS) {
                    out.add(new Bulk(body.toString(), n[0]));
                    body.setLength(0);
                    n[0] = 0;
                }
            });
        }
        if (n[0] > 0) {
            out.add(new Bulk(body.toString(), n[0]));
        }
        return out;
    }

    /** Posts the bodies one after the other into the namespace's streams; the seconds it took. */
    private static double raw(String url, List<Bulk> bodies, String namespace) throws IOException, InterruptedException {
        EsTestSettings.setUp(url, namespace);
        List<String> ready = bodies.stream().map(b -> b.body().replace("-NS\"", "-" + namespace + "\"")).toList();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long started = System.nanoTime();
        for (String body : ready) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url + "/_bulk"))
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 || r.body().contains("\"errors\":true")) {
                throw new IOException("raw bulk failed: HTTP " + r.statusCode() + " " + r.body().substring(0,
                        Math.min(500, r.body().length())));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        EsRequests.count(url, "logs-flowscore.flow-" + namespace);
        return seconds;
    }
}
