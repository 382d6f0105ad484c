package org.flowscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscore.model.Adaptation;
import org.flowscore.model.ModelBundle;
import org.flowscore.testing.SharedData;
import org.flowscore.testing.SmallCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** adapt and evaluate --ids-labels on the shared captures: the figures of docs/detection.md. */
class AdaptCommandTest {
    private static final String DAY_1 = "zeek/rita-missing-host/2024-04-19";
    private static final String DAY_2 = "zeek/rita-missing-host/2024-04-20";
    private static final String EVE = "suricata/slips-test6/eve.json";
    private static final String MIDDLE = "2021-06-07T04:00:00+02:00";

    @TempDir
    Path tmp;

    private Path smallRecipe() throws Exception {
        Path file = tmp.resolve("small.corpus.yml");
        Files.writeString(file, SmallCorpus.RECIPE);
        return file;
    }

    /** Whether the summary has a line of this label and count. */
    private static boolean counted(String summary, String label, String count) {
        return summary.lines().anyMatch(l -> l.strip().startsWith(label) && l.strip().endsWith(" " + count));
    }

    private static JsonNode evaluate(String... args) throws Exception {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    private static double benignFlagged(JsonNode evaluation) {
        JsonNode c = evaluation.path("confusion");
        return (double) c.path("fp").asLong() / (c.path("fp").asLong() + c.path("tn").asLong());
    }

    /**
     * Adapted on rita-missing-host's first day (an Internet-facing server: inbound SSH and web probing all day),
     * the model flags far fewer of the next day's flows than the default model, and still catches simulate's
     * attacks injected into that next day.
     */
    @Test
    void adaptingOnOneDayQuietensTheNextAndKeepsCatchingInjectedAttacks() throws Exception {
        Path site = tmp.resolve("rita.zip");
        CliRun adapt = CliRun.of("adapt", "--data", SharedData.require(DAY_1).toString(), "--shared-data",
                SharedData.root().toString(), "--flagged-share", "0.02", "-o", site.toString());
        assertEquals(0, adapt.exitCode(), adapt.err());
        assertTrue(counted(adapt.err(), "benign, the site's history", "31,367"), adapt.err());
        Adaptation a = ModelBundle.open(site).info().adaptation();
        assertEquals(31_367, a.siteConnections());
        assertEquals(31_367, a.siteBenignRows(), "no IDS output beside these logs: all of it is the site's normal");

        String day2 = SharedData.require(DAY_2).toString();
        JsonNode adapted = evaluate("evaluate", "--model", site.toString(), "--data", day2, "--ids-labels",
                "--inject-attacks", "7", "--json");
        JsonNode shipped = evaluate("evaluate", "--data", day2, "--ids-labels", "--inject-attacks", "7", "--json");
        assertEquals(39_073, adapted.path("confusion").path("tn").asLong() + adapted.path("confusion").path("fp")
                .asLong(), "the next day's flows");
        double before = benignFlagged(shipped);
        double after = benignFlagged(adapted);
        assertTrue(before > 0.5, "the default model flags most of this server's inbound probing: " + before);
        assertTrue(after < before / 10, "adapted: " + after + ", default: " + before);
        adapted.path("per_label").properties().forEach(e -> assertTrue(e.getValue().path("recall").asDouble() >= 0.9,
                e.getKey() + " " + e.getValue()));
        assertEquals(6, adapted.path("per_label").size(), "every injected attack type measured");
    }

    /**
     * slips-test6's first half trains with a quarter of its signatures hidden; the second half measures the
     * hidden signatures' flows, for the adapted model and, on the same flows, the default one.
     */
    @Test
    void heldOutSignaturesAreMeasuredOnAnotherStretchOfTheSameLogs() throws Exception {
        String eve = SharedData.require(EVE).toString();
        Path site = tmp.resolve("s6.zip");
        CliRun adapt = CliRun.of("adapt", "--data", eve, "--until", MIDDLE, "--hold-out-signatures", "0.25",
                "--corpus", smallRecipe().toString(), "--shared-data", SharedData.root().toString(),
                "--flagged-share", "0.01", "-o", site.toString());
        assertEquals(0, adapt.exitCode(), adapt.err());
        assertTrue(counted(adapt.err(), "Suricata alerts, same flow_id", "190"), adapt.err());
        assertTrue(counted(adapt.err(), "threat-intelligence sources", "255"), adapt.err());
        assertTrue(adapt.err().contains("held out 15 of the 59 signatures that labelled flows"), adapt.err());

        CliRun measured = CliRun.of("evaluate", "--model", site.toString(), "--data", eve, "--since", MIDDLE,
                "--ids-labels", "--json");
        assertEquals(0, measured.exitCode(), measured.err());
        assertTrue(measured.err().contains("held-out signatures: recall "), measured.err());
        JsonNode adapted = new ObjectMapper().readTree(measured.out());
        assertEquals(41, adapted.at("/per_label/held-out signatures/count").asLong(),
                "second-half flows only the held-out signatures marked");
        JsonNode shipped = evaluate("evaluate", "--data", eve, "--since", MIDDLE, "--ids-labels", "--held-out-of",
                site.toString(), "--json");
        assertEquals(41, shipped.at("/per_label/held-out signatures/count").asLong(), "the same flows");
        assertEquals(1448, shipped.path("confusion").path("tn").asLong() + shipped.path("confusion").path("fp")
                .asLong(), "the same benign flows");

        JsonNode onAnotherCapture = evaluate("evaluate", "--model", site.toString(), "--data",
                SharedData.require("labelled/iot23-honeypot-5-1/conn.log.labeled").toString(), "--json");
        assertEquals(1374, onAnotherCapture.path("rows").asLong(), "a labelled capture outside its training, by its"
                + " own labels");

        CliRun onItsOwnHistory = CliRun.of("evaluate", "--model", site.toString(), "--data", eve, "--ids-labels");
        assertEquals(1, onItsOwnHistory.exitCode());
        assertTrue(onItsOwnHistory.err().contains("part of the history the model was adapted on"),
                onItsOwnHistory.err());
    }

    @Test
    void mistakesAreNamed() throws Exception {
        String out = tmp.resolve("m.zip").toString();
        CliRun noBudget = CliRun.of("adapt", "--data", "sample-logs/zeek-tsv/conn.log", "-o", out);
        assertEquals(2, noBudget.exitCode());
        assertTrue(noBudget.err().contains("--alerts-per-day") && noBudget.err().contains("--flagged-share"));
        CliRun share = CliRun.of("adapt", "--data", "sample-logs/zeek-tsv/conn.log", "--flagged-share", "0.01",
                "--hold-out-signatures", "1.5", "-o", out);
        assertEquals(1, share.exitCode());
        assertTrue(share.err().contains("--hold-out-signatures must be in [0, 1), got 1.5"), share.err());
        CliRun info = CliRun.of("adapt", "--data", "sample-logs/zeek-tsv/conn.log", "--flagged-share", "0.01",
                "--info-alerts", "maybe", "-o", out);
        assertEquals(2, info.exitCode());
        assertTrue(info.err().contains("'maybe' is not a choice: use left-out, attack or benign"), info.err());
        Path allow = tmp.resolve("allow.txt");
        Files.writeString(allow, "# ok\nsrc=10.0.0.0/8 dport=22\n");
        CliRun allowlist = CliRun.of("adapt", "--data", "sample-logs/zeek-tsv/conn.log", "--flagged-share", "0.01",
                "--allowlist", allow.toString(), "-o", out);
        assertEquals(1, allowlist.exitCode());
        assertTrue(allowlist.err().contains(allow + " line 2: unknown key 'dport'"), allowlist.err());
        CliRun labelsAlone = CliRun.of("evaluate", "--data", "sample-logs/zeek-tsv/conn.log", "--labels",
                SharedData.require(EVE).toString());
        assertEquals(2, labelsAlone.exitCode());
        assertTrue(labelsAlone.err().contains("give them with --ids-labels"), labelsAlone.err());
    }
}
