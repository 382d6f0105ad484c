package org.flowscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScoreCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void scoresEverySampleConnectionWithTheShippedModel() throws IOException {
        Path out = tmp.resolve("scored.ndjson");
        CliRun r = CliRun.of("score", "sample-logs", "-o", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<JsonNode> docs = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            docs.add(JSON.readTree(line));
        }
        assertEquals(2314, docs.size());
        long attacks = docs.stream().filter(d -> d.at("/flowscore/label").asText().equals("attack")).count();
        for (JsonNode d : docs) {
            double score = d.at("/flowscore/score").asDouble();
            double threshold = d.at("/flowscore/threshold").asDouble();
            assertTrue(score >= 0 && score <= 1);
            assertEquals(score >= threshold, d.at("/flowscore/label").asText().equals("attack"));
            assertEquals(score >= threshold, d.at("/flowscore").has("explanation"));
            assertEquals(68, d.at("/flowscore/features").size(), "the default model reads the extended features");
            assertTrue(d.at("/network/community_id").asText().startsWith("1:"));
            assertTrue(List.of("inbound", "outbound", "internal", "external").contains(
                    d.at("/network/direction").asText()));
        }
        assertTrue(r.err().contains(String.format("%,d flagged as attack", attacks)), r.err());
        assertTrue(r.err().matches("(?s).*scored 2,314 flows in [\\d.]+ s \\([\\d,]+ flows/s\\) with .*"), r.err());
        assertTrue(r.err().contains("top-scoring flows:"), r.err());
        long groups = docs.stream().filter(d -> d.at("/flowscore/label").asText().equals("attack"))
                .map(d -> d.at("/flowscore/alert/group/id").asText()).distinct().count();
        assertTrue(groups > 0 && groups * 5 < attacks, groups + " groups of " + attacks + " flagged flows");
        assertTrue(r.err().contains(String.format("alerts: %,d flagged flows in ", attacks)), r.err());
    }

    @Test
    void anAllowlistMarksTheFlowsItCoversAndAMistakeInItIsNamedWithItsLine() throws IOException {
        Path allowlist = Files.writeString(tmp.resolve("allowlist.yml"), """
                - id: all-tcp-to-port-22
                  comment: the lab's SSH jump host takes logins from anywhere
                  port: 22
                """);
        Path out = tmp.resolve("scored.ndjson");
        CliRun r = CliRun.of("score", "--allowlist", allowlist.toString(), "-o", out.toString(), "sample-logs");
        assertEquals(0, r.exitCode(), r.err());
        long marked = 0;
        for (String line : Files.readAllLines(out)) {
            JsonNode d = JSON.readTree(line);
            // ICMP documents carry no destination.port: the port an entry names is a TCP, UDP or SCTP one.
            boolean ssh = d.at("/destination/port").asInt() == 22;
            assertEquals(ssh, d.at("/flowscore/allowlisted").asBoolean(), line);
            assertTrue(!ssh || d.at("/flowscore/alert").isMissingNode(), line);
            marked += ssh ? 1 : 0;
        }
        assertTrue(marked > 0);
        assertTrue(r.err().contains(String.format("%,d flows allowlisted", marked)), r.err());

        Files.writeString(allowlist, "- id: a\n  comment: b\n  port: 70000\n");
        CliRun wrong = CliRun.of("score", "--allowlist", allowlist.toString(), "sample-logs");
        assertEquals(1, wrong.exitCode());
        assertEquals("flowscore: allowlist " + allowlist + ":3: port: '70000' is not a port number (0-65535)\n",
                wrong.err());
        CliRun mode = CliRun.of("score", "--alerts", "grouped-by-host", "sample-logs");
        assertEquals(1, mode.exitCode());
        assertTrue(mode.err().contains("--alerts: 'grouped-by-host' is not an alert mode: use grouped or per-flow"),
                mode.err());
    }

    @Test
    void everyOutputByteIsTheSameOnOneThreadOrMany() throws IOException {
        String day = org.flowscore.testing.SharedData.require("zeek/rita-missing-host/2024-04-19").toString();
        for (String format : List.of("ndjson", "csv")) {
            List<byte[]> outputs = new ArrayList<>();
            for (String threads : List.of("1", "3")) {
                Path out = tmp.resolve(format + threads);
                CliRun r = CliRun.of("score", "--threads", threads, "--output-format", format, "-o", out.toString(),
                        day);
                assertEquals(0, r.exitCode(), r.err());
                outputs.add(Files.readAllBytes(out));
            }
            assertTrue(outputs.getFirst().length > 10_000_000, "a day of a real network");
            assertTrue(java.util.Arrays.equals(outputs.get(0), outputs.get(1)), format + " differs with 3 threads");
        }
        List<byte[]> features = new ArrayList<>();
        for (String threads : List.of("1", "2")) {
            Path out = tmp.resolve("features" + threads);
            assertEquals(0, CliRun.of("features", "--extended", "--threads", threads, "-o", out.toString(), day)
                    .exitCode());
            features.add(Files.readAllBytes(out));
        }
        assertTrue(java.util.Arrays.equals(features.get(0), features.get(1)), "features differ with 2 threads");
    }

    @Test
    void csvCarriesIdentityScoreLabelAndFeatures() throws IOException {
        Path out = tmp.resolve("scored.csv");
        CliRun r = CliRun.of("score", "--output-format", "csv", "-o", out.toString(), "sample-logs/zeek-json/conn.log");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(51, lines.size());
        assertTrue(lines.getFirst().startsWith("timestamp,record_id,community_id,source_ip,source_port,"
                + "destination_ip,destination_port,sensor,direction,score,label,top_feature,duration,protocol_type"));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.split(",", -1).length == 12 + 68));
        CliRun kdd = CliRun.of("score", "--model", "nsl-kdd", "--output-format", "csv", "-o", out.toString(),
                "sample-logs/zeek-json/conn.log");
        assertEquals(0, kdd.exitCode(), kdd.err());
        assertTrue(Files.readAllLines(out).stream().skip(1).allMatch(l -> l.split(",", -1).length == 12 + 41));
    }

    /**
     * The domain host 10.18.20.97 and its servers are all in 10.0.0.0/8: internal by default. Declared local
     * networks that do not hold them make the same connections external.
     */
    @Test
    void localNetworksDecideTheDirection() throws IOException {
        Path out = tmp.resolve("scored.ndjson");
        assertEquals(0, CliRun.of("score", "-o", out.toString(), "sample-logs/zeek-json/conn.log").exitCode());
        long internal = Files.readAllLines(out).stream().filter(l -> l.contains("\"direction\":\"internal\"")).count();
        assertTrue(internal > 40, internal + " internal");
        CliRun r = CliRun.of("score", "--local-nets", "192.0.2.0/24", "-o", out.toString(),
                "sample-logs/zeek-json/conn.log");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readAllLines(out).stream().allMatch(l -> l.contains("\"direction\":\"external\"")));
        CliRun bad = CliRun.of("score", "--local-nets", "10.0.0.0/40", "sample-logs/zeek-json/conn.log");
        assertEquals(1, bad.exitCode());
        assertEquals("flowscore: --local-nets: '10.0.0.0/40': the prefix length must be 0-32", bad.err().strip());
    }

    @Test
    void aThresholdOverrideChangesTheVerdicts() {
        CliRun none = CliRun.of("score", "--threshold", "1", "-o", tmp.resolve("a").toString(), "sample-logs");
        assertTrue(none.err().contains("(threshold 1.0): 0 flagged"), none.err());
        CliRun all = CliRun.of("score", "--threshold", "0", "-o", tmp.resolve("b").toString(), "sample-logs");
        assertTrue(all.err().contains("2,314 flagged as attack (100.0%)"), all.err());
        assertEquals(1, CliRun.of("score", "--threshold", "1.5", "sample-logs").exitCode());
    }

    @Test
    void aTooSmallLineLimitIsAClearError() {
        CliRun r = CliRun.of("score", "--max-line-bytes", "10", "sample-logs/zeek-json/conn.log");
        assertEquals(1, r.exitCode());
        assertEquals("flowscore: --max-line-bytes must be at least 256, got 10", r.err().strip());
    }

    @Test
    void aBadModelFileIsAClearError() throws IOException {
        Path bogus = tmp.resolve("model.zip");
        Files.writeString(bogus, "not a zip");
        CliRun r = CliRun.of("score", "--model", bogus.toString(), "sample-logs/zeek-json/conn.log");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("flowscore: ") && r.err().contains(bogus.toString()), r.err());
        CliRun missing = CliRun.of("score", "--model", tmp.resolve("none.zip").toString(), "sample-logs");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("none.zip"), missing.err());
    }
}
