package org.flowscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowscore.model.Calibration;
import org.flowscore.model.ModelBundle;
import org.flowscore.model.ModelInfo;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** calibrate on a real day of a benign client, then scoring with the calibrated copy. */
class CalibrateCommandTest {
    @TempDir
    Path tmp;

    @Test
    void theSitesHistoryStaysWithinTheBudgetAndDocumentsSayHow() throws Exception {
        String day = SharedData.require("labelled/idps-benign-ubuntu-2023-02-20/conn.log.labeled").toString();
        Path site = tmp.resolve("site.zip");
        CliRun r = CliRun.of("calibrate", "--data", day, "--alerts-per-day", "1", "-o", site.toString());
        assertEquals(0, r.exitCode(), r.err());
        ModelInfo base = ModelBundle.openDefault().info();
        ModelInfo info = ModelBundle.open(site).info();
        Calibration c = info.calibration();
        assertEquals(base.version(), info.version(), "the model itself is the same");
        assertEquals(base.threshold(), c.modelThreshold());
        assertTrue(info.threshold() >= base.threshold());
        // 6,796 benign connections over about 17 hours (the 328 Unknown ones are left out): at most one alert.
        assertEquals(6796, c.siteConnections());
        assertTrue(c.siteDays() > 0.65 && c.siteDays() < 0.75, "" + c.siteDays());
        assertTrue(c.flaggedAtThreshold() <= Math.floor(c.siteDays()), c.flaggedAtThreshold() + " flagged");
        assertEquals("1.0 alerts per day", c.budget());
        assertEquals(List.of(day), c.siteSources());
        assertEquals(java.util.Set.of("beacon", "bruteforce", "exfil", "hostsweep", "portscan", "synflood"),
                c.injectedRecall().keySet());
        assertTrue(r.err().contains("recall of injected attacks, at the model's threshold -> at the site's:"), r.err());

        Path scored = tmp.resolve("scored.ndjson");
        assertEquals(0, CliRun.of("score", "--model", site.toString(), "-o", scored.toString(),
                "sample-logs/zeek-json/conn.log").exitCode());
        JsonNode doc = new ObjectMapper().readTree(Files.readAllLines(scored).getFirst());
        assertEquals(c.id(), doc.at("/flowscore/model/calibration").asText());
        assertEquals(info.threshold(), doc.at("/flowscore/threshold").asDouble());
    }

    @Test
    void oneBudgetIsNeeded() {
        CliRun r = CliRun.of("calibrate", "--data", "sample-logs/zeek-tsv/conn.log", "-o", tmp.resolve("m.zip")
                .toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--alerts-per-day") && r.err().contains("--flagged-share"), r.err());
    }
}
