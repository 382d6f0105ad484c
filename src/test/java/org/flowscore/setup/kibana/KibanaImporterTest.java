package org.flowscore.setup.kibana;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.flowscore.setup.SetupException;
import org.flowscore.testing.AgainstElasticsearch;
import org.flowscore.testing.ElasticsearchServer;
import org.flowscore.testing.SecuredConfig.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The import request against a stand-in for Kibana's HTTP API (Kibana cannot run here): the stub checks
 * what Kibana's import API documents (POST, the space's path, overwrite=true, kbn-xsrf, one multipart
 * field "file" carrying the NDJSON) and answers as Kibana does, so the report and the explanations of
 * Kibana's errors are tested on Kibana's answer shapes.
 */
@AgainstElasticsearch
class KibanaImporterTest {
    private static final Pattern BOUNDARY = Pattern.compile("^multipart/form-data; boundary=([A-Za-z0-9'()+_,./:=?-]{1,70})$");

    private HttpServer server;
    private final List<String> problems = new ArrayList<>();
    private String statusVersion = "8.8.2";
    private int importStatus = 200;
    private String importAnswer;
    private String expectedPath = "/api/saved_objects/_import";

    private EsHttp start(EsAuth auth) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        return EsHttp.kibana(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), auth, EsTls.DEFAULT);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
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
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!"Basic a2liYW5hX2FkbWluOnMzY3JldA==".equals(authorization)) {
            problems.add("Authorization: " + authorization);
        }
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
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"flowscore.ndjson\""
                + "\r\nContent-Type: application/ndjson\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        String text = new String(body, StandardCharsets.UTF_8);
        if (!text.startsWith(head) || !text.endsWith(tail)) {
            problems.add("multipart framing: " + text.substring(0, Math.min(200, text.length())));
            return;
        }
        String file = text.substring(head.length(), text.length() - tail.length());
        expect("file part", new String(SavedObjectBundle.shipped(), StandardCharsets.UTF_8), file);
    }

    private void expect(String what, String wanted, String actual) {
        if (!wanted.equals(actual)) {
            problems.add(what + ": wanted " + wanted + ", got " + actual);
        }
    }

    private static EsAuth admin() {
        return new EsAuth.Basic("kibana_admin", "s3cret");
    }

    @Test
    void importsTheShippedBundleIntoASpaceAndTellsCreatedFromUpdated() throws IOException {
        expectedPath = "/s/soc/api/saved_objects/_import";
        importAnswer = """
                {"success":true,"successCount":2,"successResults":[
                 {"type":"index-pattern","id":"flowscore-flows","meta":{"title":"logs-flowscore.flow-*","icon":"indexPatternApp"}},
                 {"type":"dashboard","id":"flowscore-overview","meta":{"title":"flowscore: Overview","icon":"dashboardApp"},"overwrite":true}],
                 "warnings":[]}""";
        KibanaImporter importer = new KibanaImporter(start(admin()));
        assertEquals("8.8.2", importer.checkVersion());
        List<KibanaImporter.Imported> imported = importer.importBundle(SavedObjectBundle.shipped(), "soc");
        assertEquals(List.of(), problems);
        assertEquals(List.of(
                new KibanaImporter.Imported("index-pattern", "flowscore-flows", "logs-flowscore.flow-*", false),
                new KibanaImporter.Imported("dashboard", "flowscore-overview", "flowscore: Overview", true)), imported);
    }

    @Test
    void theDefaultSpaceHasNoSpacePrefix() throws IOException {
        importAnswer = "{\"success\":true,\"successCount\":0,\"successResults\":[]}";
        new KibanaImporter(start(admin())).importBundle(SavedObjectBundle.shipped(), "default");
        assertEquals(List.of(), problems);
    }

    @Test
    void aKibanaOlderThanTheObjectsIsNamedWithTheVersionNeeded() throws IOException {
        statusVersion = "8.7.1";
        SetupException e = assertThrows(SetupException.class, () -> new KibanaImporter(start(admin())).checkVersion());
        assertTrue(e.getMessage().startsWith("Kibana 8.7.1 at http://127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().contains("need Kibana 8.8.0 or later"), e.getMessage());
    }

    @Test
    void versionsCompareNumerically() {
        assertTrue(KibanaImporter.compare("8.10.0", "8.8.0") > 0);
        assertTrue(KibanaImporter.compare("9.0.0-SNAPSHOT", "8.8.0") > 0);
        assertEquals(0, KibanaImporter.compare("8.8.0", "8.8.0"));
        assertTrue(KibanaImporter.compare("7.17.9", "8.8.0") < 0);
    }

    @Test
    void missingReferencesAndNewerObjectsAreExplainedPerObject() throws IOException {
        importAnswer = """
                {"success":false,"successCount":0,"errors":[
                 {"id":"flowscore-overview","type":"dashboard","title":"flowscore: Overview","meta":{"title":"flowscore: Overview"},
                  "error":{"type":"missing_references","references":[{"type":"index-pattern","id":"flowscore-flows"}]}},
                 {"id":"flowscore-flows","type":"index-pattern","meta":{},
                  "error":{"type":"unknown","message":"Document \\"flowscore-flows\\" belongs to a more recent version of Kibana [8.8.0] when the last known version is [8.7.0].","statusCode":400}}]}""";
        SetupException e = assertThrows(SetupException.class,
                () -> new KibanaImporter(start(admin())).importBundle(SavedObjectBundle.shipped(), "default"));
        assertEquals(List.of(), problems);
        assertTrue(e.getMessage().contains("did not import 2 object(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("dashboard flowscore-overview: refers to index-pattern flowscore-flows,"
                + " which is neither in the bundle nor in the space"), e.getMessage());
        assertTrue(e.getMessage().contains("this Kibana is older than the objects; flowscore needs Kibana 8.8.0 or later"),
                e.getMessage());
    }

    @Test
    void anUnknownSpaceSaysToCreateIt() throws IOException {
        expectedPath = "/s/lab/api/saved_objects/_import";
        importStatus = 404;
        importAnswer = "{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"Not Found\"}";
        SetupException e = assertThrows(SetupException.class,
                () -> new KibanaImporter(start(admin())).importBundle(SavedObjectBundle.shipped(), "lab"));
        assertTrue(e.getMessage().contains("does the space 'lab' exist?"), e.getMessage());
    }

    @Test
    void aRejectedPasswordNamesTheVariables() throws IOException {
        EsHttp http = start(new EsAuth.Basic("kibana_admin", "wrong"));
        server.removeContext("/");
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
        });
        SetupException e = assertThrows(SetupException.class, () -> new KibanaImporter(http).checkVersion());
        assertTrue(e.getMessage().contains("(HTTP 401 to GET /api/status): check FLOWSCORE_ES_USERNAME/FLOWSCORE_ES_PASSWORD"),
                e.getMessage());
    }

    @Test
    void pointedAtElasticsearchOverTlsItSaysThisIsNotKibana() {
        // The real secured server: the Kibana path gets through TLS (CA file) and the file-realm user,
        // then finds no Kibana status and says which URL is wanted.
        Credentials c = ElasticsearchServer.secured().credentials();
        EsHttp http = EsHttp.kibana(URI.create(ElasticsearchServer.secured().url()),
                new EsAuth.Basic(c.user(), c.password()), new EsTls(c.caFile(), null, false));
        SetupException e = assertThrows(SetupException.class, () -> new KibanaImporter(http).checkVersion());
        assertTrue(e.getMessage().contains("no Kibana version — is this the Kibana URL (port 5601 by default)"),
                e.getMessage());
        SetupException untrusted = assertThrows(SetupException.class, () -> new KibanaImporter(EsHttp.kibana(
                URI.create(ElasticsearchServer.secured().url()), new EsAuth.Basic(c.user(), c.password()),
                EsTls.DEFAULT)).checkVersion());
        assertTrue(untrusted.getMessage().contains("--es-ca FILE"), untrusted.getMessage());
    }

    @Test
    void theMultipartBodyIsTheFileBetweenBoundaries() {
        byte[] body = KibanaImporter.multipart("b", "{}\n".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"flowscore.ndjson\"\r\n"
                + "Content-Type: application/ndjson\r\n\r\n{}\n\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8), body);
    }
}
