package org.flowscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The benchmarks run end to end on small inputs; their figures are read by people, not asserted. */
class BenchCommandTest {

    @Test
    void pipelineBenchmarkMeasuresEveryFormat() {
        CliRun r = CliRun.of("bench", "--records", "5000", "--rounds", "1",
                SharedData.require("zeek/zat-2013-tsv/conn.log").toString());
        assertEquals(0, r.exitCode(), r.err());
        for (String stage : new String[] {"zeek-tsv read + features", "zeek-json read + features",
            "suricata-eve read + features", "heap in use after the run"}) {
            assertTrue(r.out().contains(stage), stage + " in\n" + r.out());
        }
    }

    @Test
    void scoringBenchmarkComparesTheFlatForestWithSmile() {
        CliRun r = CliRun.of("bench", "--rounds", "1", "--scoring",
                SharedData.require("nsl-kdd/KDDTest-21.txt").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("flattened forest / Smile: "), r.out());
    }

    @Test
    void withoutInputsItIsAUsageError() {
        assertEquals(2, CliRun.of("bench").exitCode());
    }
}
