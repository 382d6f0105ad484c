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
            assertEquals(41, d.at("/flowscore/features").size());
            assertTrue(d.at("/network/community_id").asText().startsWith("1:"));
        }
        assertTrue(r.err().contains(String.format("%,d flagged as attack", attacks)), r.err());
        assertTrue(r.err().contains("top-scoring flows:"), r.err());
    }

    @Test
    void csvCarriesIdentityScoreLabelAndFeatures() throws IOException {
        Path out = tmp.resolve("scored.csv");
        CliRun r = CliRun.of("score", "--output-format", "csv", "-o", out.toString(), "sample-logs/zeek-json/conn.log");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(51, lines.size());
        assertTrue(lines.getFirst().startsWith("timestamp,record_id,community_id,source_ip,source_port,"
                + "destination_ip,destination_port,sensor,score,label,top_feature,duration,protocol_type"));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.split(",", -1).length == 11 + 41));
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
