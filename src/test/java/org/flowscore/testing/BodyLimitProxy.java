package org.flowscore.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP proxy in front of a real server that refuses request bodies over a limit with 413, as nginx does
 * with {@code client_max_body_size} (1 MB unless told otherwise), and forwards every other request.
 */
public final class BodyLimitProxy implements AutoCloseable {
    private static final byte[] REFUSAL = """
            <html><head><title>413 Request Entity Too Large</title></head>
            <body><center><h1>413 Request Entity Too Large</h1></center><hr><center>nginx</center></body></html>
            """.getBytes(StandardCharsets.US_ASCII);

    private final URI upstream;
    private final int limit;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicLong largestPassed = new AtomicLong();

    private BodyLimitProxy(URI upstream, int limit) throws IOException {
        this.upstream = upstream;
        this.limit = limit;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    /** A proxy to the server at {@code url} refusing bodies of more than {@code limit} bytes. */
    public static BodyLimitProxy to(String url, int limit) throws IOException {
        return new BodyLimitProxy(URI.create(url), limit);
    }

    /** The server's URL through the proxy. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How many requests were refused as too large. */
    public int refused() {
        return refused.get();
    }

    /** The largest body forwarded. */
    public long largestPassed() {
        return largestPassed.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (body.length > limit) {
                refused.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                answer(exchange, 413, REFUSAL);
                return;
            }
            largestPassed.accumulateAndGet(body.length, Math::max);
            HttpRequest.Builder request = HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : new String[] {"Content-Type", "Accept", "Authorization"}) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            for (String header : new String[] {"Content-Type", "X-elastic-product"}) {
                response.headers().firstValue(header).ifPresent(v -> exchange.getResponseHeaders().set(header, v));
            }
            answer(exchange, response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
