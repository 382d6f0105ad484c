package org.flowscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureCommandTest {
    @TempDir
    Path dir;

    @Test
    void pcapFilesAreScoredIntoOneDocumentPerConnection() throws Exception {
        Path out = dir.resolve("scored.ndjson");
        CliRun run = CliRun.of("capture", "--pcap", SharedData.require("pcap/zeek-btest/ssh/ssh.pcap").toString(),
                SharedData.require("pcap/suricata-verify/nfs3-01/input.pcap").toString(), "-o", out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(out);
        // ssh.pcap: the 25 connections of Zeek's conn.log; nfs3-01 (a big-endian pcap): the 8 flows its
        // suricata-verify test checks. The 1999 file after the 2015 one starts a new capture, not 8 stale ones.
        assertEquals(25 + 8, lines.size());
        JsonNode first = new ObjectMapper().readTree(lines.getFirst());
        assertEquals("pcap", first.path("flowscore").path("source_format").asText());
        assertTrue(run.err().contains("33 connections"), run.err());
    }

    @Test
    void pcapngIsReadAndTheFilterApplies() throws Exception {
        Path out = dir.resolve("scored.csv");
        CliRun run = CliRun.of("capture", "--pcap", SharedData.require("pcap/zeus-suricata/zeus.pcapng").toString(),
                "--filter", "udp", "--output-format", "csv", "-o", out.toString());
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        List<String> rows = Files.readAllLines(out);
        // zeus.pcapng holds UDP, ICMP and IGMP but no TCP: the filter keeps UDP only.
        assertTrue(rows.size() > 100, "rows: " + rows.size());
        assertTrue(rows.stream().skip(1).allMatch(r -> r.contains(",udp,")), rows.get(1));
    }

    @Test
    void unreadableInputAndBadFilterAreClearErrors() {
        CliRun missing = CliRun.of("capture", "--pcap", dir.resolve("none.pcap").toString());
        assertEquals(ExitCodes.FAILURE, missing.exitCode());
        assertTrue(missing.err().contains("cannot read") && missing.err().contains("none.pcap"), missing.err());

        CliRun badFilter = CliRun.of("capture", "--pcap",
                SharedData.require("pcap/zeek-btest/pop3/pop3.pcap").toString(), "--filter", "tcp port banana");
        assertEquals(ExitCodes.FAILURE, badFilter.exitCode());
        assertTrue(badFilter.err().contains("not a valid BPF expression"), badFilter.err());

        CliRun both = CliRun.of("capture", "--interface", "lo", "--pcap", "x.pcap");
        assertEquals(ExitCodes.USAGE, both.exitCode());
    }
}
