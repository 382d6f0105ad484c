package org.flowscore.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.flowscore.bench.DetectionBenchmark;
import org.flowscore.bench.DetectionReport;
import org.flowscore.bench.DetectionTable;
import org.flowscore.features.ExtendedSchema;
import org.flowscore.features.ExtendedSettings;
import org.flowscore.features.FeatureSettings;
import org.flowscore.features.LabelledDataset;
import org.flowscore.features.LabelledFeatures;
import org.flowscore.model.BuiltInModel;
import org.flowscore.model.ModelBundle;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corpus recipes, the data sets made of them, and the leave-one-capture-out benchmark on a small corpus. */
class CorpusTest {
    /** Three small captures: an IoT device's benign day, a client's four minutes, a bot's day. */
    private static final String SMALL = """
            name: small
            captures:
              - path: zeek/iot23-honeypot-4-1/conn.log.labeled
              - path: zeek/zat-2013-tsv/conn.log
                benign: true
              - path: labelled/iot23-malware-8-1/conn.log.labeled
                unlabel:
                  - orig: 192.168.100.113
                    resp: 147.231.100.5
                    port: 123
                    reason: "for the test"
            injection:
              seed: 1
              warmup: 3
              maxRowsPerAttack: 500
            training:
              seed: 42
              trees: 10
              cvTrees: 10
              folds: 3
              maxDepth: 12
              nodeSize: 5
              mtry: 16
              fpBudget: 0.01
              exclude: [service]
            """;

    @TempDir
    Path tmp;

    private static CorpusRecipe small() throws CorpusException {
        return CorpusRecipe.parse(new ByteArrayInputStream(SMALL.getBytes(StandardCharsets.UTF_8)), "small.yml");
    }

    @Test
    void theShippedRecipeReads() throws CorpusException {
        CorpusRecipe recipe = CorpusRecipe.read(Path.of("models", "flowscore-default.corpus.yml"));
        assertEquals("flowscore-default", recipe.name());
        assertEquals(8, recipe.captures().size());
        assertEquals(1, recipe.captures().stream().mapToInt(c -> c.unlabel().size()).sum());
        assertTrue(recipe.captures().stream().allMatch(CorpusRecipe.CaptureEntry::inject));
        assertEquals(List.of("service"), recipe.training().exclude());
    }

    @Test
    void mistakesAreNamed() {
        CorpusException unknown = assertThrows(CorpusException.class, () -> CorpusRecipe.parse(
                new ByteArrayInputStream(SMALL.replace("warmup:", "warmpu:").getBytes(StandardCharsets.UTF_8)),
                "r.yml"));
        assertEquals("r.yml: unknown key 'injection.warmpu'", unknown.getMessage());
        CorpusException missing = assertThrows(CorpusException.class, () -> CorpusRecipe.read(tmp.resolve("no.yml")));
        assertTrue(missing.getMessage().endsWith("no.yml: no such corpus file"), missing.getMessage());
        String oneCapture = SMALL.substring(0, SMALL.indexOf("  - path: zeek/zat-2013"))
                + SMALL.substring(SMALL.indexOf("injection:"));
        CorpusException one = assertThrows(CorpusException.class, () -> CorpusRecipe.parse(
                new ByteArrayInputStream(oneCapture.getBytes(StandardCharsets.UTF_8)), "r.yml"));
        assertTrue(one.getMessage().contains("give at least two"), one.getMessage());
        CorpusException absent = assertThrows(CorpusException.class, () -> CorpusRecipe.parse(
                new ByteArrayInputStream(SMALL.replace("  trees: 10\n", "").getBytes(StandardCharsets.UTF_8)), "r.yml"));
        assertEquals("r.yml: training.trees: missing", absent.getMessage());
    }

    /**
     * Unlabelled logs marked benign are benign rows; the recipe's unlabel rule leaves the 8-1 bot's NTP exchanges
     * with 147.231.100.5 out; a held-out capture is nowhere in the training rows; the warm-up of each beacon is
     * left out of training but measured.
     */
    @Test
    void trainingAndMeasuringDataFollowTheRecipe() throws Exception {
        Corpus corpus = Corpus.load(small(), SharedData.root(), FeatureSettings.defaults(), ExtendedSettings.defaults());
        assertEquals(360, corpus.captures().get(1).connections().stream()
                .filter(c -> c.truth() != null && !c.truth().isAttack() && c.truth().isLabelled()).count());
        assertTrue(corpus.captures().get(2).unlabelledByRecipe() > 0);

        LabelledDataset training = corpus.training(Set.of("zeek/zat-2013-tsv/conn.log"));
        assertEquals(2, training.captures().size());
        assertFalse(training.sources().stream().anyMatch(s -> s.contains("zat-2013")));
        assertTrue(training.rows().stream().filter(r -> r.label().equals("beacon"))
                .allMatch(r -> r.extended().get(ExtendedSchema.CHAN_CONNS) > 3), "warm-up left out");
        assertTrue(training.rows().stream().filter(r -> r.label().equals("synflood")).count() <= 2 * 500);

        LabelledDataset measured = corpus.measured(corpus.captures().get(0), 99L);
        assertTrue(measured.rows().stream().filter(r -> r.label().equals("beacon"))
                .anyMatch(r -> r.extended().get(ExtendedSchema.CHAN_CONNS) <= 3), "warm-up measured");
        LabelledDataset asIs = corpus.measured(corpus.captures().get(0), null);
        assertEquals(452, asIs.rows().size());
        assertTrue(asIs.rows().stream().noneMatch(LabelledFeatures::isAttack));
    }

    @Test
    void leaveOneCaptureOutGivesEveryCaptureItsFiguresAndAReport() throws Exception {
        Corpus corpus = Corpus.load(small(), SharedData.root(), FeatureSettings.defaults(), ExtendedSettings.defaults());
        DetectionBenchmark.Results all = DetectionBenchmark.run(corpus,
                ModelBundle.openBuiltIn(BuiltInModel.NSL_KDD).model(), line -> { });
        List<DetectionBenchmark.CaptureResult> results = all.folds();
        assertEquals(List.of("zeek/iot23-honeypot-4-1/conn.log.labeled", "zeek/zat-2013-tsv/conn.log",
                "labelled/iot23-malware-8-1/conn.log.labeled"), results.stream()
                .map(DetectionBenchmark.CaptureResult::capture).toList());
        DetectionBenchmark.CaptureResult bot = results.get(2);
        assertEquals(Set.of("C&C"), bot.attackScores().keySet());
        assertEquals(8222, bot.attackScores().get("C&C").length);
        assertTrue(bot.unlabelled() > 0, "NTP exchanges with one server left out");
        assertEquals(2181, bot.benign() + bot.unlabelled());
        assertEquals(Set.of("beacon", "bruteforce", "exfil", "hostsweep", "portscan", "synflood"),
                results.get(0).injectedScores().keySet());
        assertTrue(Double.isNaN(results.get(0).metrics().rocAuc()), "no attacks of its own: no ROC AUC");
        assertTrue(results.get(1).spanDays() > 0 && results.get(1).spanDays() < 0.01, "four minutes");

        assertEquals(3, all.baseline().size());
        assertEquals(0.038, all.baseline().getFirst().threshold(), "the NSL-KDD model's own threshold");
        String table = DetectionTable.text(all);
        assertTrue(table.contains("pooled: ") && table.contains("for comparison, nsl-kdd-random-forest"), table);
        Path page = DetectionReport.write(all, DetectionTable.PROTOCOL, tmp.resolve("report"));
        assertTrue(Files.readString(page).contains("Leave one capture out"));
        assertTrue(Files.size(tmp.resolve("report").resolve("roc.png")) > 1000);
        assertTrue(Files.size(tmp.resolve("report").resolve("trade-off.png")) > 1000);
    }
}
