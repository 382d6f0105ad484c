package org.flowscore.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowscore.flow.Connection;
import org.flowscore.flow.SourceFormat;
import org.flowscore.testing.Reading;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the writers write, the readers read back unchanged: the basis of benchmarks and simulated logs. */
class ZeekWritersRoundTripTest {
    @TempDir
    Path tmp;

    private static final List<String> SOURCES = List.of(
            "zeek/rita-missing-host/2024-04-19/conn.04:00:00-05:00:00.log.gz",
            "zeek/iot23-honeypot-4-1/conn.log.labeled",
            "zeek/slips-test10-tsv/conn.log");

    @Test
    void tsvRoundTripKeepsEveryConnection() throws IOException {
        for (String source : SOURCES) {
            List<Connection> original = Reading.read(SharedData.require(source)).connections();
            StringWriter text = new StringWriter();
            ZeekTsvWriter writer = new ZeekTsvWriter(text, true);
            writer.writeHeader("2024-04-19-04-00-00");
            for (Connection c : original) {
                writer.write(c);
            }
            writer.writeFooter("2024-04-19-05-00-00");
            Path file = tmp.resolve("conn.log");
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
            assertEquals(original, Reading.read(file).connections(), source);
        }
    }

    @Test
    void jsonRoundTripKeepsEveryConnection() throws IOException {
        for (String source : SOURCES) {
            List<Connection> original = Reading.read(SharedData.require(source)).connections();
            StringWriter text = new StringWriter();
            ZeekJsonWriter writer = new ZeekJsonWriter(text);
            for (Connection c : original) {
                writer.write(c);
            }
            Path file = tmp.resolve("conn.json");
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
            List<Connection> back = Reading.read(file).connections();
            assertEquals(original.stream().map(c -> asJson(c)).toList(), back, source);
        }
    }

    private static Connection asJson(Connection c) {
        return new Connection(c.startMicros(), c.durationMicros(), c.recordId(), c.key(), c.service(), c.orig(),
                c.resp(), c.missedBytes(), c.connState(), c.history(), c.localOrig(), c.localResp(),
                c.urgentPackets(), c.payloadEstimated(), c.communityId(), SourceFormat.ZEEK_JSON, c.sensor(), c.truth(),
                c.tunnelParents());
    }
}
