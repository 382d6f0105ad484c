package org.flowscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.KddSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCommandTest {
    @TempDir
    Path tmp;

    @Test
    void writesAHeaderAndOneRowPerSampleConnection() {
        CliRun r = CliRun.of("features", "sample-logs/zeek-tsv/conn.log");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(361, lines.size());
        String[] header = lines.getFirst().split(",");
        assertEquals(KddSchema.NAMES, List.of(header).subList(0, 41));
        assertEquals(List.of("timestamp", "record_id", "community_id", "source_ip", "source_port", "destination_ip",
                "destination_port"), List.of(header).subList(41, 48));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.split(",", -1).length == 48));
        assertTrue(r.err().startsWith("read 360 connections from 1 input; 0 bad lines skipped"), r.err());
    }

    /** The extended features follow the 41; a bot's failed retries towards one address show in its channel. */
    @Test
    void extendedWritesTheExtendedFeaturesAfterTheFortyOne() {
        CliRun r = CliRun.of("features", "--extended", "sample-logs/zeek-json/conn.log");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        List<String> header = List.of(lines.getFirst().split(","));
        assertEquals(FeatureSet.EXTENDED.names(), header.subList(0, 68));
        assertEquals("timestamp", header.get(68));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.split(",", -1).length == 68 + 7));
        int direction = header.indexOf("orig_local");
        // 10.18.20.97 is in 10.0.0.0/8: every connection of this domain host starts inside.
        assertTrue(lines.stream().skip(1).allMatch(l -> l.split(",")[direction].equals("1")));
    }

    @Test
    void readsEverySampleFormatFromTheSampleFolder() throws IOException {
        Path csv = tmp.resolve("out.csv");
        CliRun r = CliRun.of("features", "sample-logs", "-o", csv.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(360 + 50 + 1817 + 87 + 1, Files.readAllLines(csv).size());
        assertTrue(r.err().contains("read 2314 connections from 4 inputs"), r.err());
        assertTrue(r.err().contains("other events skipped as not connections"), r.err());
    }

    @Test
    void aMissingFileExitsOneNamingIt() {
        CliRun r = CliRun.of("features", tmp.resolve("missing.log").toString());
        assertEquals(1, r.exitCode());
        assertEquals("flowscore: " + tmp.resolve("missing.log") + ": no such file or folder\n", r.err());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, CliRun.of().exitCode());
        assertEquals(2, CliRun.of("features").exitCode());
        CliRun badFormat = CliRun.of("features", "--format", "pcapng", "x");
        assertEquals(2, badFormat.exitCode());
        assertTrue(badFormat.err().contains("'pcapng' is not a format"), badFormat.err());
        assertEquals(2, CliRun.of("nonsense").exitCode());
    }

    @Test
    void badSettingsAreClearErrors() {
        CliRun r = CliRun.of("features", "--host-window", "0", "sample-logs/zeek-tsv/conn.log");
        assertEquals(1, r.exitCode());
        assertTrue(r.err().startsWith("flowscore: "), r.err());
        assertTrue(r.err().toLowerCase().contains("host window"), r.err());
    }

    @Test
    void strictModeExitsOneAtTheFirstBadLine() throws IOException {
        Path log = tmp.resolve("conn.log");
        Files.writeString(log, Files.readString(Path.of("sample-logs/zeek-tsv/conn.log")).replaceFirst(
                "\n1379288667", "\nnot-a-record\n1379288667"));
        CliRun lenient = CliRun.of("features", log.toString());
        assertEquals(0, lenient.exitCode());
        assertTrue(lenient.err().contains("1 bad line skipped"), lenient.err());
        CliRun strict = CliRun.of("features", "--strict", log.toString());
        assertEquals(1, strict.exitCode());
        assertTrue(strict.err().contains(log + ":9: wrong column count"), strict.err());
    }

    @Test
    void helpAndVersionTeach() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("features") && help.out().contains("Exit codes"), help.out());
        CliRun featuresHelp = CliRun.of("features", "--help");
        assertTrue(featuresHelp.out().contains("--traffic-window") && featuresHelp.out().contains("Examples"));
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("flowscore "), version.out());
    }
}
