package org.flowscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped NSL-KDD model, measured the way a user would: on the NSL-KDD test sets it never saw. */
class EvaluateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void theNslKddModelMeetsItsTargetsOnKddTestPlus() throws IOException {
        CliRun r = CliRun.of("evaluate", "--model", "nsl-kdd", "--json", "--data", SharedData.require("nsl-kdd/KDDTest+.txt").toString(),
                "--report", tmp.resolve("report").toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("accuracy").asDouble() >= 0.85, r.out());
        assertTrue(json.get("roc_auc").asDouble() >= 0.96, r.out());
        assertEquals(22544, json.at("/confusion/tn").asLong() + json.at("/confusion/fp").asLong()
                + json.at("/confusion/fn").asLong() + json.at("/confusion/tp").asLong());
        assertEquals(List.of("dos", "probe", "r2l", "u2r"), iterate(json.get("per_category")));
        for (String png : List.of("roc.png", "pr.png", "confusion.png", "score-histogram.png",
                "feature-importance.png", "index.html")) {
            assertTrue(Files.size(tmp.resolve("report").resolve(png)) > 0, png);
        }
    }

    @Test
    void theNslKddModelMeetsItsTargetOnKddTest21() throws IOException {
        CliRun r = CliRun.of("evaluate", "--model", "nsl-kdd", "--json", "--data", SharedData.require("nsl-kdd/KDDTest-21.txt").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(new ObjectMapper().readTree(r.out()).get("accuracy").asDouble() >= 0.70, r.out());
    }

    @Test
    void theTextReportNamesTheHeadlineMetrics() {
        CliRun r = CliRun.of("evaluate", "--model", "nsl-kdd", "--data",
                SharedData.require("nsl-kdd/KDDTest-21.txt").toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String word : List.of("accuracy", "precision", "recall", "roc auc", "pr auc", "dos", "u2r")) {
            assertTrue(r.out().toLowerCase(java.util.Locale.ROOT).contains(word), word + " in\n" + r.out());
        }
    }

    @Test
    void theDefaultModelOnNslKddSaysWhichModelFits() {
        CliRun r = CliRun.of("evaluate", "--data", SharedData.require("nsl-kdd/KDDTest-21.txt").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("an NSL-KDD file has only the 41 NSL-KDD features") && r.err().contains(
                "--model nsl-kdd"), r.err());
    }

    /** The benign Ubuntu day's 328 Unknown connections are left out and said so. */
    @Test
    void unlabelledConnectionsAreLeftOutAndCounted() throws IOException {
        CliRun r = CliRun.of("evaluate", "--json", "--data",
                SharedData.require("labelled/idps-benign-ubuntu-2023-02-20/conn.log.labeled").toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(6796, json.get("rows").asLong());
        assertEquals(328, json.get("unlabelled").asLong());
        assertEquals(0, json.at("/confusion/tp").asLong() + json.at("/confusion/fn").asLong(), "no attack rows");
    }

    @Test
    void unlabelledLogsAreAClearError() {
        CliRun r = CliRun.of("evaluate", "--data", "sample-logs/zeek-tsv/conn.log");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("holds no labels"), r.err());
    }

    private static List<String> iterate(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
