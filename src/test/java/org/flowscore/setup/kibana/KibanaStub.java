package org.flowscore.setup.kibana;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowscore.elastic.EsAuth;
import org.flowscore.elastic.EsTls;
import org.flowscore.setup.EsHttp;

/**
 * A stand-in for Kibana's HTTP API (Kibana cannot run here). It answers {@code GET /api/status} with a version and
 * checks an import as Kibana's import APIs document it: POST to the expected path with {@code overwrite=true}, the
 * {@code kbn-xsrf} header, the user's credentials, and one multipart field {@code file} carrying exactly the expected
 * NDJSON under the expected file name. What it finds wrong is kept in {@link #problems}; it answers as told.
 */
final class KibanaStub implements AutoCloseable {
    private static final Pattern BOUNDARY = Pattern.compile("^multipart/form-data; boundary=([A-Za-z0-9'()+_,./:=?-]{1,70})$");
    /** kibana_admin:s3cret, the credentials {@link #admin} gives. */
    private static final String AUTHORIZATION = "Basic a2liYW5hX2FkbWluOnMzY3JldA==";

    final List<String> problems = new ArrayList<>();
    String statusVersion = "8.8.2";
    String expectedPath;
    String expectedFileName;
    byte[] expectedFile;
    int importStatus = 200;
    String importAnswer;
    private final HttpServer server;

    KibanaStub(String expectedPath, String expectedFileName, byte[] expectedFile) throws IOException {
        this.expectedPath = expectedPath;
        this.expectedFileName = expectedFileName;
        this.expectedFile = expectedFile;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    static EsAuth admin() {
        return new EsAuth.Basic("kibana_admin", "s3cret");
    }

    /** A client of the stub with {@code auth}. */
    EsHttp client(EsAuth auth) {
        return EsHttp.kibana(URI.create(url()), auth, EsTls.DEFAULT);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers every request with a bare status, as a server that refuses them all. */
    void refuseAll(int status) {
        server.removeContext("/");
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        String answer;
        int status;
        if (path.equals("/api/status")) {
            status = 200;
            answer = "{\"name\":\"kibana\",\"version\":{\"number\":\"" + statusVersion + "\",\"build_flavor\":\"traditional\"}}";
        } else {
            checkImport(exchange, path, body);
            status = importStatus;
            answer = importAnswer;
        }
        expect("Authorization", AUTHORIZATION, exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private void checkImport(HttpExchange exchange, String path, byte[] body) {
        expect("method", "POST", exchange.getRequestMethod());
        expect("path", expectedPath, path);
        expect("query", "overwrite=true", exchange.getRequestURI().getQuery());
        expect("kbn-xsrf", "true", exchange.getRequestHeaders().getFirst("kbn-xsrf"));
        Matcher type = BOUNDARY.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
        if (!type.matches()) {
            problems.add("Content-Type: " + exchange.getRequestHeaders().getFirst("Content-Type"));
            return;
        }
        String boundary = type.group(1);
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + expectedFileName + "\"\r\nContent-Type: application/ndjson\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.startsWith(head) || !text.endsWith(tail)) {
            problems.add("multipart framing: " + text.substring(0, Math.min(200, text.length())));
            return;
        }
        String file = text.substring(head.length(), text.length() - tail.length());
        expect("file part", new String(expectedFile, StandardCharsets.UTF_8), file);
    }

    private void expect(String what, String wanted, String actual) {
        if (!wanted.equals(actual)) {
            problems.add(what + ": wanted " + wanted + ", got " + actual);
        }
    }
}
