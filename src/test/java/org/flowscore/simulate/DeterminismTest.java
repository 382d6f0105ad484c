package org.flowscore.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.flowscore.flow.Connection;
import org.flowscore.flow.SourceFormat;
import org.flowscore.testing.Reading;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same scenario, background and seed give the same bytes in every format; the files read back whole. */
class DeterminismTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = SourceFormat.class, names = {"ZEEK_TSV", "ZEEK_JSON", "SURICATA_EVE"})
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers(SourceFormat format) throws IOException {
        var background = Simulated.background("zeek/zat-2013-tsv/conn.log");
        Path first = Simulated.write(Simulated.mixed(60, 5), background, format, tmp.resolve("a"));
        Path again = Simulated.write(Simulated.mixed(60, 5), Simulated.background("zeek/zat-2013-tsv/conn.log"),
                format, tmp.resolve("b"));
        Path other = Simulated.write(Simulated.mixed(60, 6), background, format, tmp.resolve("c"));
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(again));
        assertFalse(Arrays.equals(Files.readAllBytes(first), Files.readAllBytes(other)));
    }

    @ParameterizedTest
    @EnumSource(value = SourceFormat.class, names = {"ZEEK_TSV", "ZEEK_JSON", "SURICATA_EVE"})
    void everyFormatReadsBackWithEveryLabelAndConnState(SourceFormat format) throws IOException {
        var background = Simulated.background("zeek/iot23-honeypot-4-1/conn.log.labeled");
        Scenario scenario = Simulated.mixed(60, 5);
        List<Connection> generated = Simulated.run(scenario, background).connections();
        Reading.Result read = Reading.read(Simulated.write(scenario, background, format, tmp.resolve("log")));
        assertEquals(0, read.stats().skippedTotal());
        assertEquals(generated.size(), read.connections().size());
        for (int i = 0; i < generated.size(); i++) {
            Connection g = generated.get(i);
            Connection r = read.connections().get(i);
            assertNotNull(r.truth(), "line " + i);
            assertEquals(g.truth().label(), r.truth().label());
            assertEquals(g.truth().isAttack(), r.truth().isAttack());
            if (g.truth().isAttack()) {
                assertEquals(g.truth().detail(), r.truth().detail());
            }
            assertEquals(g.key(), r.key());
            assertEquals(g.startMicros(), r.startMicros());
            if (g.key().transport() == org.flowscore.flow.Transport.TCP) {
                assertEquals(g.connState(), r.connState(), "Suricata's flags give the state back: " + g);
            }
        }
    }
}
