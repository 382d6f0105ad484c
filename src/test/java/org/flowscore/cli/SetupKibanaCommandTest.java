package org.flowscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code flowscore setup --kibana} as a user runs it, against a stand-in that answers like Kibana's
 * import APIs: an object it has seen before is reported as overwritten, so a rerun shows updates, and a rule whose
 * rule_id it holds is refused unless the import overwrites, as the detection engine does.
 */
class SetupKibanaCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Set<String> stored = new HashSet<>();
    private HttpServer server;
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body;
        if (exchange.getRequestURI().getPath().equals("/api/status")) {
            body = "{\"version\":{\"number\":\"9.1.0\"}}";
        } else if (exchange.getRequestURI().getPath().endsWith("/api/detection_engine/rules/_import")) {
            body = importRules(exchange);
        } else {
            ObjectNode result = JSON.createObjectNode().put("success", true);
            ArrayNode results = result.putArray("successResults");
            String multipart = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            for (String line : multipart.split("\r\n\r\n", 2)[1].split("\n")) {
                if (line.startsWith("{")) {
                    JsonNode o = JSON.readTree(line);
                    ObjectNode r = results.addObject().put("type", o.path("type").asText()).put("id", o.path("id").asText());
                    r.putObject("meta").put("title", o.at("/attributes/title").asText());
                    if (!stored.add(o.path("type").asText() + "/" + o.path("id").asText())) {
                        r.put("overwrite", true);
                    }
                }
            }
            result.put("successCount", results.size());
            body = result.toString();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String importRules(HttpExchange exchange) throws IOException {
        boolean overwrite = "overwrite=true".equals(exchange.getRequestURI().getQuery());
        ObjectNode result = JSON.createObjectNode();
        ArrayNode errors = result.putArray("errors");
        int imported = 0;
        int rules = 0;
        String multipart = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String line : multipart.split("\r\n\r\n", 2)[1].split("\n")) {
            if (line.startsWith("{")) {
                rules++;
                String ruleId = JSON.readTree(line).path("rule_id").asText();
                if (stored.add("rule/" + ruleId) || overwrite) {
                    imported++;
                } else {
                    errors.addObject().put("rule_id", ruleId).putObject("error").put("status_code", 409)
                            .put("message", "rule_id: \"" + ruleId + "\" already exists");
                }
            }
        }
        return result.put("success", errors.isEmpty()).put("success_count", imported).put("rules_count", rules)
                .toString();
    }

    @Test
    void importsEveryObjectThenUpdatesThemOnARerun() {
        CliRun first = CliRun.of("setup", "--kibana", url, "--space", "soc");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().startsWith("Kibana 9.1.0 at " + url + ", space soc\n"
                + "created   index-pattern flowscore-alerts (logs-flowscore.alert-*)\n"), first.out());
        assertTrue(first.out().contains("created   dashboard flowscore-overview (flowscore: Overview)\n"), first.out());
        assertTrue(first.out().endsWith("9 created, 0 updated\n7 detection rules imported (created, or updated in"
                + " place)\n"), first.out());

        CliRun second = CliRun.of("setup", "--kibana", url, "--space", "soc");
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().endsWith("updated   dashboard flowscore-overview (flowscore: Overview)\n"
                + "0 created, 9 updated\n7 detection rules imported (created, or updated in place)\n"), second.out());
    }

    @Test
    void withoutEsOrKibanaItSaysWhatToGive() {
        CliRun run = CliRun.of("setup");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("give --es URL (index templates), --kibana URL (dashboards) or both"), run.err());
    }

    @Test
    void aSpaceDisplayNameIsRefusedWithWhatAnIdLooksLike() {
        CliRun run = CliRun.of("setup", "--kibana", url, "--space", "SOC Team");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("--space takes a space id"), run.err());
    }
}
