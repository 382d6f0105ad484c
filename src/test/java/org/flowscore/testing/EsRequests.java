package org.flowscore.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain requests to the test Elasticsearch, for tests that check what landed there. */
public final class EsRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private EsRequests() {
    }

    /** The answer's status and JSON body. */
    public record Answer(int status, JsonNode json) {
    }

    public static JsonNode get(String path) {
        Answer a = send("GET", path, null, "application/json");
        if (a.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + a.status() + ": " + a.json());
        }
        return a.json();
    }

    public static Answer send(String method, String path, String body, String contentType) {
        return send(ElasticsearchServer.shared().url(), method, path, body, contentType);
    }

    /** The number of documents in an index or data stream after a refresh; 0 when it does not exist. */
    public static long count(String url, String index) {
        Answer refreshed = send(url, "POST", "/" + index + "/_refresh", null, "application/json");
        if (refreshed.status() == 404) {
            return 0;
        }
        Answer a = send(url, "GET", "/" + index + "/_count", null, "application/json");
        if (a.status() != 200) {
            throw new AssertionError("_count of " + index + " answered " + a.status() + ": " + a.json());
        }
        return a.json().path("count").asLong();
    }

    /** How many distinct values a field holds across an index, exactly up to 40,000, after a refresh. */
    public static long distinct(String url, String index, String field) {
        send(url, "POST", "/" + index + "/_refresh", null, "application/json");
        Answer a = send(url, "POST", "/" + index + "/_search", "{\"size\":0,\"aggs\":{\"n\":{\"cardinality\":"
                + "{\"field\":\"" + field + "\",\"precision_threshold\":40000}}}}", "application/json");
        if (a.status() != 200) {
            throw new AssertionError("cardinality of " + field + " in " + index + " answered " + a.status() + ": "
                    + a.json());
        }
        return a.json().at("/aggregations/n/value").asLong();
    }

    /** Values of a keyword field that more than one document holds (at most 10), after a refresh. */
    public static JsonNode repeatedValues(String url, String index, String field) {
        send(url, "POST", "/" + index + "/_refresh", null, "application/json");
        Answer a = send(url, "POST", "/" + index + "/_search", "{\"size\":0,\"aggs\":{\"repeated\":{\"terms\":"
                + "{\"field\":\"" + field + "\",\"min_doc_count\":2,\"size\":10}}}}", "application/json");
        if (a.status() != 200) {
            throw new AssertionError("terms on " + field + " of " + index + " answered " + a.status() + ": " + a.json());
        }
        return a.json().at("/aggregations/repeated/buckets");
    }

    public static Answer send(String url, String method, String path, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path))
                .header("Content-Type", contentType);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), JSON.readTree(r.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
