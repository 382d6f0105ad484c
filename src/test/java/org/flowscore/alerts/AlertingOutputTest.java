package org.flowscore.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowscore.allowlist.Allowlist;
import org.flowscore.allowlist.AllowlistFile;
import org.flowscore.model.ScoredFlow;
import org.flowscore.sink.Renderer;
import org.flowscore.sink.Renditions;
import org.flowscore.testing.HeldOutput;
import org.flowscore.testing.ScoredDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert output on flows built by hand, with every figure of the documents worked out on paper: which flows make
 * one group, what its document says, when it is written, what waits for it, and that neither the order the flows
 * came in nor a stop changes what is written.
 */
class AlertingOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Double> FAILED = Map.of("handshake", 0.0, "answered", 1.0);
    private static final AlertSettings FIVE_MINUTES = AlertSettings.DEFAULT;

    @TempDir
    java.nio.file.Path tmp;

    private final HeldOutput stored = new HeldOutput(new Renditions(true, true, false), i -> true);

    private static AlertingOutput alerting(HeldOutput to, AlertSettings settings, Allowlist allowlist) {
        return new AlertingOutput(to, settings, () -> allowlist);
    }

    /** Renders the flow for the output, as the scoring stage does, and writes it. */
    private static void write(AlertingOutput output, ScoredFlow flow, org.flowscore.flow.Acknowledgement ack) {
        Renderer renderer = new Renderer(ScoredDocuments.model(), 0.5, output.needs(), output.marker());
        output.write(renderer.render(flow), ack);
    }

    private static void write(AlertingOutput output, ScoredFlow flow) {
        write(output, flow, org.flowscore.flow.Acknowledgement.NONE);
    }

    private static ScoredFlow probe(String uid, String source, String destination, int port, long endSecond,
                                    double score) {
        return HandFlows.flow(uid, source, destination, port, endSecond, score, FAILED);
    }

    private List<JsonNode> alertDocuments() throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        for (HeldOutput.Alert a : stored.alerts()) {
            docs.add(JSON.readTree(a.document()));
        }
        return docs;
    }

    @Test
    void theGroupsOfAHandfulOfFlowsAndTheirDocuments() throws Exception {
        AlertingOutput output = alerting(stored, FIVE_MINUTES, Allowlist.EMPTY);
        write(output, probe("f1", "198.51.100.1", "10.0.0.5", 22, 10, 0.70));
        write(output, probe("f2", "198.51.100.2", "10.0.0.5", 23, 20, 0.90));
        write(output, probe("f4", "198.51.100.3", "10.0.0.6", 22, 30, 0.60));
        write(output, probe("f6", "10.0.0.5", "198.51.100.9", 80, 40, 0.20));
        write(output, probe("f7", "198.51.100.4", "10.0.0.5", 22, 50, 0.30));
        write(output, probe("f3", "198.51.100.1", "10.0.0.5", 23, 290, 0.80));
        write(output, probe("f5", "198.51.100.1", "10.0.0.5", 80, 310, 0.95));
        assertEquals(List.of(), stored.alerts(), "310 s is not yet a minute past the first window");
        output.endOfInput();

        List<JsonNode> docs = alertDocuments();
        assertEquals(3, docs.size(), "10.0.0.5 in two windows, 10.0.0.6 in the first");
        JsonNode first = docs.stream().filter(d -> d.at("/destination/ip").asText().equals("10.0.0.5")
                && d.at("/flowscore/alert/group/flows").asLong() == 3).findFirst().orElseThrow();
        assertEquals("alert", first.at("/event/kind").asText());
        assertEquals("flowscore.alert", first.at("/event/dataset").asText());
        assertEquals("1970-01-01T00:00:09.800000Z", first.at("/event/start").asText(), "f1 started 0.2 s before 10 s");
        assertEquals("1970-01-01T00:04:50.000000Z", first.at("/event/end").asText(), "f3 ended at 290 s");
        assertEquals(first.at("/event/end"), first.at("/@timestamp"));
        assertEquals(280_200_000_000L, first.at("/event/duration").asLong());
        assertEquals(90.0, first.at("/event/risk_score").asDouble(), "the highest score, f2's 0.9, times 100");
        assertEquals("critical", first.at("/flowscore/alert/severity").asText(), "90 is above 73");
        assertEquals("scan", first.at("/flowscore/alert/kind").asText(), "failed connection attempts");
        assertTrue(first.at("/source").isMissingNode(), "two sources: no source.ip");
        assertTrue(first.at("/destination/port").isMissingNode(), "ports 22 and 23");
        assertEquals("tcp", first.at("/network/transport").asText());
        assertEquals("inbound", first.at("/network/direction").asText());
        assertEquals(3 * (120 + 80), first.at("/network/bytes").asLong(), "IP bytes both ways, three flows");
        assertEquals(List.of("10.0.0.5", "198.51.100.1", "198.51.100.2"), texts(first.at("/related/ip")));
        JsonNode group = first.at("/flowscore/alert/group");
        assertEquals(first.at("/event/id"), group.path("id"));
        assertEquals("10.0.0.5", group.path("subject").asText());
        assertEquals("destination", group.path("subject_role").asText());
        assertEquals(300, group.path("window_seconds").asLong());
        assertEquals(2, group.path("sources").asLong());
        assertEquals(1, group.path("destinations").asLong());
        assertEquals(2, group.path("ports").asLong());
        assertEquals(0.8, group.path("score_mean").asDouble(), "(0.7 + 0.9 + 0.8) / 3");
        assertEquals("resp_local", group.path("top_explanation").asText());
        assertEquals(List.of("1:f2", "1:f3", "1:f1"), texts(group.path("community_ids")), "highest score first");
        assertEquals(3, group.path("flow_ids").size());

        // Every flagged flow names its group; the others name none.
        for (String event : stored.events()) {
            JsonNode flow = JSON.readTree(event);
            String uid = flow.at("/zeek/session_id").asText();
            JsonNode id = flow.at("/flowscore/alert/group/id");
            if (uid.equals("f6") || uid.equals("f7")) {
                assertTrue(flow.at("/flowscore/alert").isMissingNode(), uid);
            } else {
                assertTrue(docs.stream().anyMatch(d -> d.at("/event/id").equals(id)), uid + " reaches its group");
            }
            if (List.of("f1", "f2", "f3").contains(uid)) {
                assertEquals(first.at("/event/id"), id, uid);
            }
        }
        assertTrue(stored.flows().stream().allMatch(f -> f.alert() == null), "no alert copy of a grouped flow");
        AlertCounts counts = output.counts();
        assertEquals(5, counts.alerted());
        assertEquals(3, counts.groupDocuments());
        assertEquals("alerts: 5 flagged flows in 3 alert group documents (5-minute windows)", counts.line());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Counts how often it was called. */
    private static final class Counted implements org.flowscore.flow.Acknowledgement {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void acknowledged() {
            calls.incrementAndGet();
        }
    }

    @Test
    void aGroupIsWrittenOnceTheStreamIsAMinutePastItsWindowAndItsFlowsWaitForItsDocument() {
        stored.holdingAlerts(i -> false);
        AlertingOutput output = alerting(stored, FIVE_MINUTES, Allowlist.EMPTY);
        Counted member = new Counted();
        Counted quiet = new Counted();
        write(output, probe("f1", "198.51.100.1", "10.0.0.5", 22, 10, 0.9), member);
        write(output, probe("q1", "10.0.0.5", "10.0.0.6", 53, 359, 0.1), quiet);
        assertEquals(1, quiet.calls.get(), "a flow without an alert is acknowledged with its document");
        assertEquals(0, member.calls.get(), "its group is not written yet");
        assertEquals(List.of(), stored.alerts(), "359 s: not a minute past the window's end at 300 s");
        write(output, probe("q2", "10.0.0.5", "10.0.0.6", 53, 360, 0.1));
        assertEquals(1, stored.alerts().size());
        assertEquals(0, member.calls.get(), "the group document is not acknowledged yet");
        stored.releaseAlert(0);
        assertEquals(1, member.calls.get(), "its own document and its group's are stored");
    }

    @Test
    void aFlowThatComesAfterItsWindowClosedOpensItsGroupAgain() throws Exception {
        AlertingOutput output = alerting(stored, FIVE_MINUTES, Allowlist.EMPTY);
        write(output, probe("f1", "198.51.100.1", "10.0.0.5", 22, 10, 0.9));
        write(output, probe("q1", "10.0.0.5", "10.0.0.6", 53, 400, 0.1));
        assertEquals(1, stored.alerts().size());
        write(output, probe("late1", "198.51.100.2", "10.0.0.5", 22, 100, 0.8));
        write(output, probe("late2", "198.51.100.3", "10.0.0.5", 22, 120, 0.7));
        assertEquals(1, stored.alerts().size(), "late flows wait together until time moves on");
        write(output, probe("q2", "10.0.0.5", "10.0.0.6", 53, 401, 0.1));
        List<JsonNode> docs = alertDocuments();
        assertEquals(2, docs.size());
        assertEquals(docs.get(0).at("/event/id"), docs.get(1).at("/event/id"), "the same group, by its id");
        assertEquals(2, docs.get(1).at("/flowscore/alert/group/flows").asLong());
        assertEquals(2, output.counts().late());
    }

    @Test
    void theDocumentsDoNotDependOnTheOrderTheFlowsCameIn() {
        List<ScoredFlow> flows = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 40; i++) {
            // Scores in steps of 0.05: many ties, broken by the flow's id.
            double score = 0.5 + random.nextInt(10) * 0.05;
            flows.add(probe("f" + i, "198.51.100." + (1 + random.nextInt(30)), "10.0.0." + (5 + random.nextInt(2)),
                    1 + random.nextInt(1024), 1 + random.nextInt(298), score));
        }
        List<String> first = null;
        for (long seed = 0; seed < 3; seed++) {
            HeldOutput to = new HeldOutput(new Renditions(true, true, false), i -> true);
            AlertingOutput output = alerting(to, FIVE_MINUTES, Allowlist.EMPTY);
            List<ScoredFlow> shuffled = new ArrayList<>(flows);
            Collections.shuffle(shuffled, new Random(seed));
            shuffled.forEach(f -> write(output, f));
            output.endOfInput();
            List<String> docs = to.alerts().stream().map(HeldOutput.Alert::document).sorted().toList();
            assertEquals(2, docs.size());
            if (first == null) {
                first = docs;
            }
            assertEquals(first, docs, "order " + seed);
        }
    }

    @Test
    void allowlistedFlowsAreWrittenMarkedAndNeverAlert() throws Exception {
        Allowlist allowlist = AllowlistFile.read(java.nio.file.Files.writeString(tmp.resolve("allow.yml"), """
                - id: partner-scanner
                  comment: the partner's authorised scan
                  source: 198.51.100.1
                """));
        AlertingOutput output = alerting(stored, FIVE_MINUTES, allowlist);
        write(output, probe("f1", "198.51.100.1", "10.0.0.5", 22, 10, 0.9));
        write(output, probe("f2", "198.51.100.1", "10.0.0.5", 22, 11, 0.2));
        write(output, probe("f3", "198.51.100.2", "10.0.0.5", 22, 12, 0.9));
        output.endOfInput();
        JsonNode f1 = JSON.readTree(stored.events().get(0));
        assertTrue(f1.at("/flowscore/allowlisted").asBoolean());
        assertEquals("partner-scanner", f1.at("/flowscore/allowlist/id").asText());
        assertEquals("attack", f1.at("/flowscore/label").asText(), "still scored as it was");
        assertTrue(f1.at("/flowscore/alert").isMissingNode());
        assertEquals("partner-scanner", JSON.readTree(stored.events().get(1)).at("/flowscore/allowlist/id").asText(),
                "allowlisted whatever the score");
        List<JsonNode> docs = alertDocuments();
        assertEquals(1, docs.size());
        assertEquals(1, docs.getFirst().at("/flowscore/alert/group/flows").asLong(), "only f3");
        assertEquals("alerts: 1 flagged flows in 1 alert group documents (5-minute windows); 2 flows allowlisted"
                + " (1 flagged)", output.counts().line());
    }

    @Test
    void perFlowAlertsAreTheFlowsOwnAlertCopiesWithTheirKind() throws Exception {
        AlertingOutput output = alerting(stored, AlertSettings.of(AlertMode.PER_FLOW, Duration.ofMinutes(5)),
                Allowlist.EMPTY);
        write(output, probe("f1", "198.51.100.1", "10.0.0.5", 22, 10, 0.9));
        write(output, probe("f2", "198.51.100.1", "10.0.0.5", 22, 11, 0.2));
        output.endOfInput();
        assertEquals(List.of(), stored.alerts());
        String alert = new String(stored.flows().get(0).alert(), StandardCharsets.UTF_8);
        assertNotNull(alert);
        JsonNode copy = JSON.readTree(alert);
        assertEquals("alert", copy.at("/event/kind").asText());
        assertEquals("scan", copy.at("/flowscore/alert/kind").asText());
        assertTrue(copy.at("/flowscore/alert/group").isMissingNode());
        assertNull(stored.flows().get(1).alert());
        assertEquals("alerts: 1 flagged flows, one alert each", output.counts().line());
    }

    @Test
    void aStopLeavesOpenGroupsUnwrittenAndBeingCaughtUpClosesThemByTheClock() throws Exception {
        AlertingOutput output = alerting(stored, FIVE_MINUTES, Allowlist.EMPTY);
        Counted member = new Counted();
        write(output, probe("f1", "198.51.100.1", "10.0.0.5", 22, 10, 0.9), member);
        write(output, probe("f2", "198.51.100.1", "10.0.0.5", 22, 320, 0.9));
        output.finish();
        assertEquals(List.of(), stored.alerts(), "a stop writes no open group: its flows are read again");
        assertEquals(0, member.calls.get());
        output.caughtUp(Instant.ofEpochSecond(359));
        assertEquals(List.of(), stored.alerts(), "the clock is not yet a minute past 300 s");
        output.caughtUp(Instant.ofEpochSecond(360));
        assertEquals(1, stored.alerts().size(), "the first window, by the clock");
        assertEquals(1, member.calls.get());
        output.caughtUp(Instant.ofEpochSecond(659));
        assertEquals(1, stored.alerts().size());
        output.endOfInput();
        assertEquals(2, stored.alerts().size());
        assertFalse(stored.alerts().get(0).id().equals(stored.alerts().get(1).id()));
    }

    @Test
    void aWindowOutOfRangeIsNamedAsTheUserWritesDurations() {
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> AlertSettings.of(AlertMode.GROUPED, Duration.ofDays(2)));
        assertEquals("the alert window must be between 1 s and 1 day, not 48h", tooLong.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> AlertSettings.of(AlertMode.GROUPED, Duration.ZERO));
        assertEquals("the alert window must be between 1 s and 1 day, not 0s", none.getMessage());
    }
}
