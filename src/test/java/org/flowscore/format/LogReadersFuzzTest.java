package org.flowscore.format;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.flowscore.flow.SourceFormat;
import org.flowscore.source.SourceLine;
import org.flowscore.testing.FuzzInputs;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing of the three log readers (docs/fuzzing.md). Invariants: no exception escapes a
 * reader, and every line is read, counted as skipped with a reason and a detail, or named as not a connection.
 */
class LogReadersFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void zeekTsv(byte[] data) {
        readEveryLine(SourceFormat.ZEEK_TSV, data);
    }

    @FuzzTest(maxDuration = "30s")
    void zeekJson(byte[] data) {
        readEveryLine(SourceFormat.ZEEK_JSON, data);
    }

    @FuzzTest(maxDuration = "30s")
    void suricataEve(byte[] data) {
        readEveryLine(SourceFormat.SURICATA_EVE, data);
    }

    @Test
    void sharedDataSeedsHoldTheInvariants() {
        for (String file : new String[] {"zeek/zat-2013-tsv/conn.log", "zeek/zat-2019-json/conn.log",
                "zeek/zat-2019-json/dns.log", "labelled/otrf-apt29/day1/SCRANTON_conn.log",
                "labelled/iot23-malware-34-1/conn.log.labeled"}) {
            byte[] seed = FuzzInputs.seed(file);
            readEveryLine(SourceFormat.ZEEK_TSV, seed);
            readEveryLine(SourceFormat.ZEEK_JSON, seed);
        }
        readEveryLine(SourceFormat.SURICATA_EVE, FuzzInputs.seed("suricata/slips-test6/eve.json"));
        readEveryLine(SourceFormat.SURICATA_EVE, FuzzInputs.seed("pcap/zeus-suricata/eve.json"));
    }

    static void readEveryLine(SourceFormat format, byte[] data) {
        LogReader reader = LogReaders.create(format, ReaderContext.defaults());
        for (SourceLine line : FuzzInputs.lines(data)) {
            LineOutcome outcome = reader.read(line);
            assertNotNull(outcome);
            if (outcome instanceof LineOutcome.Skipped skipped) {
                assertNotNull(skipped.reason());
                assertTrue(skipped.detail() != null, () -> "no detail for " + skipped.reason());
            }
        }
    }
}
