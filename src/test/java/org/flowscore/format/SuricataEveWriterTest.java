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
import org.flowscore.flow.SuricataConnState;
import org.flowscore.flow.Transport;
import org.flowscore.testing.Reading;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SuricataEveWriterTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"S0", "S1", "SF", "REJ", "S2", "S3", "RSTO", "RSTR", "RSTOS0", "RSTRH", "SH", "SHR", "OTH"})
    void flagsDeriveEveryZeekStateBack(String state) {
        int[] flags = SuricataEveWriter.flagsFor(state);
        assertEquals(state, SuricataConnState.of(Transport.TCP, flags[0], flags[1], flags[1] == 0 ? 0 : 3));
    }

    @Test
    void zeekConnectionsWrittenAsEveReadBackWithTheirTupleStateAndPackets() throws IOException {
        List<Connection> zeek = Reading.read(SharedData.require(
                "zeek/rita-missing-host/2024-04-19/conn.04:00:00-05:00:00.log.gz")).connections();
        StringWriter text = new StringWriter();
        SuricataEveWriter writer = new SuricataEveWriter(text);
        for (Connection c : zeek) {
            writer.write(c);
        }
        Path file = tmp.resolve("eve.json");
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        Reading.Result r = Reading.read(file);
        assertEquals(0, r.stats().skippedTotal(), r.stats().summary());
        assertEquals(zeek.size(), r.connections().size());
        for (int i = 0; i < zeek.size(); i++) {
            Connection z = zeek.get(i);
            Connection s = r.connections().get(i);
            assertEquals(SourceFormat.SURICATA_EVE, s.format());
            assertEquals(z.key(), s.key());
            assertEquals(z.startMicros(), s.startMicros());
            assertEquals(z.durationMicros(), s.durationMicros());
            assertEquals(z.orig().packets(), s.orig().packets());
            assertEquals(z.resp().ipBytes(), s.resp().ipBytes());
            assertEquals(z.communityId(), s.communityId());
            if (z.transport() == Transport.TCP && (z.resp().packets() > 0 || !z.connState().equals("OTH"))) {
                assertEquals(z.connState(), s.connState(), z.toString());
            }
        }
    }
}
