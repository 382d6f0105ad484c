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
import java.util.stream.Stream;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** simulate as a user runs it, and its output straight into evaluate and train. */
class SimulateCommandTest {
    private static final List<String> ATTACKS = List.of("beacon", "bruteforce", "exfil", "hostsweep", "portscan",
            "synflood");

    @TempDir
    Path tmp;

    @Test
    void evaluateReportsRecallPerAttackOnAMixedRunOverRealBackground() throws IOException {
        Path log = tmp.resolve("mixed.log");
        CliRun sim = CliRun.of("simulate", "--attack", "mixed", "--duration", "4m", "--seed", "3", "--background",
                SharedData.require("zeek/zat-2013-tsv/conn.log").toString(),
                SharedData.require("zeek/iot23-honeypot-4-1/conn.log.labeled").toString(), "-o", log.toString());
        assertEquals(0, sim.exitCode(), sim.err());
        assertTrue(sim.err().contains("benign "), sim.err());

        CliRun text = CliRun.of("evaluate", "--data", log.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("attack  "), text.out());
        for (String attack : ATTACKS) {
            assertTrue(text.out().lines().anyMatch(l -> l.startsWith(attack + " ")), attack + " in\n" + text.out());
        }
        JsonNode json = new ObjectMapper().readTree(CliRun.of("evaluate", "--json", "--data", log.toString()).out());
        List<String> labels = new ArrayList<>();
        json.get("per_label").fieldNames().forEachRemaining(labels::add);
        assertEquals(ATTACKS, labels);
        long rows = json.get("rows").asLong();
        assertTrue(rows > 10_000, "the whole file is evaluated: " + rows);
    }

    @Test
    void trainReadsSimulatedSuricataOutputAsLabelledData() {
        Path log = tmp.resolve("eve.json");
        CliRun sim = CliRun.of("simulate", "--attack", "portscan", "--duration", "20s", "--format", "suricata-eve",
                "--background", SharedData.require("zeek/zat-2013-tsv/conn.log").toString(), "-o", log.toString());
        assertEquals(0, sim.exitCode(), sim.err());
        CliRun train = CliRun.of("train", "--algorithm", "random-forest", "--trees", "20", "--cv-trees", "10",
                "--data", log.toString(), "--out", tmp.resolve("m.zip").toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.err().contains("attacks of 1 type"), train.err());
    }

    @Test
    void followWritesRotatedArchivesIntoADatedFolder() throws IOException {
        Path live = tmp.resolve("live");
        CliRun sim = CliRun.of("simulate", "--attack", "beacon", "--rate", "5", "--duration", "2s", "--follow",
                "--rotate-every", "1s", "-o", live.toString());
        assertEquals(0, sim.exitCode(), sim.err());
        try (Stream<Path> files = Files.walk(live)) {
            List<String> archives = files.filter(Files::isRegularFile).map(p -> live.relativize(p).toString()).toList();
            assertTrue(archives.size() >= 2, archives.toString());
            assertTrue(archives.stream().allMatch(a -> a.matches("\\d{4}-\\d\\d-\\d\\d/conn\\.\\d\\d:\\d\\d:\\d\\d-"
                    + "\\d\\d:\\d\\d:\\d\\d\\.log\\.gz")), archives.toString());
        }
    }

    @Test
    void badCombinationsAreUsageErrorsThatSayWhy() {
        CliRun rate = CliRun.of("simulate", "--attack", "mixed", "--rate", "10");
        assertEquals(2, rate.exitCode());
        assertTrue(rate.err().contains("--rate applies to a single attack"), rate.err());
        CliRun follow = CliRun.of("simulate", "--attack", "portscan", "--follow");
        assertEquals(2, follow.exitCode());
        assertTrue(follow.err().contains("give --output a folder"), follow.err());
        CliRun duration = CliRun.of("simulate", "--attack", "portscan", "--duration", "soon");
        assertEquals(2, duration.exitCode());
        assertTrue(duration.err().contains("'soon' is not a duration"), duration.err());
        CliRun background = CliRun.of("simulate", "--attack", "portscan", "--background", tmp.resolve("none").toString());
        assertEquals(1, background.exitCode());
        assertTrue(background.err().contains("none"), background.err());
    }
}
