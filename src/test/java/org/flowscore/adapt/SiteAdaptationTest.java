package org.flowscore.adapt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flowscore.calibrate.SiteCalibration;
import org.flowscore.corpus.Corpus;
import org.flowscore.corpus.CorpusRecipe;
import org.flowscore.features.ExtendedSettings;
import org.flowscore.features.FeatureSettings;
import org.flowscore.labels.Allowlist;
import org.flowscore.labels.LabelPolicy;
import org.flowscore.model.Adaptation;
import org.flowscore.model.Calibration;
import org.flowscore.model.ModelBundle;
import org.flowscore.model.ModelInfo;
import org.flowscore.read.ReadOptions;
import org.flowscore.testing.SharedData;
import org.flowscore.testing.SmallCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site model from a small corpus ({@link SmallCorpus}) and the first half of slips-test6's day, a
 * quarter of its signatures held out: what the bundle records, and that it is the same every time.
 */
class SiteAdaptationTest {
    static final String EVE = "suricata/slips-test6/eve.json";
    /** About the middle of slips-test6's day (2021-06-06 15:57 to 06-07 15:55, +02:00). */
    static final String MIDDLE = "2021-06-07T04:00:00+02:00";

    @TempDir
    static Path tmp;

    private static Corpus corpus;
    private static SiteLogs site;

    @BeforeAll
    static void readOnce() throws Exception {
        Path recipe = tmp.resolve("small.yml");
        Files.writeString(recipe, SmallCorpus.RECIPE);
        corpus = Corpus.load(CorpusRecipe.read(recipe), SharedData.root(), FeatureSettings.defaults(),
                ExtendedSettings.defaults());
        site = SiteLogs.read(List.of(SharedData.require(EVE).toString()), List.of(), TimeWindow.parse(null, MIDDLE),
                ReadOptions.defaults());
    }

    private static SiteAdaptation.Result adapt() throws Exception {
        SiteAdaptation.Settings settings = new SiteAdaptation.Settings("site", LabelPolicy.defaults(),
                Allowlist.empty(), 0.25, 1, new SiteCalibration.FlaggedShare(0.01));
        ReadOptions read = ReadOptions.defaults();
        return SiteAdaptation.adapt(corpus, site, SiteAdaptation.label(site, settings, read), settings, read,
                line -> { });
    }

    @Test
    void theBundleSaysWhatTheSiteGaveAndWhatWasLeftOut() throws Exception {
        SiteAdaptation.Result result = adapt();
        Path file = tmp.resolve("site.zip");
        result.bundle().write(file);
        ModelInfo info = ModelBundle.open(file).info();
        Adaptation a = info.adaptation();
        assertEquals(result.adaptation(), a, "model.json keeps it");
        assertEquals("small", a.corpus());
        assertEquals(site.sha256(), a.siteDataSha256());
        assertEquals(List.of(SharedData.require(EVE).toString()), a.labelSources(), "the alerts of the data itself");
        assertEquals("2021-06-07T02:00:00Z", a.until());
        assertEquals(1799, a.siteConnections(), "flows of the first half, counted with jq");
        assertEquals(2, a.siteSlices(), "half a day: two pieces");
        assertEquals(190, a.markedBySource().get("Suricata alerts, same flow_id"));
        assertEquals(Map.of("benign, allowlisted", 0L, "attack", 215L, "held-out signatures only", 55L,
                "informational alerts only", 2L, "benign, the site's history", 1527L), a.flowsByOutcome());
        assertEquals(1527, a.siteBenignRows(), "every benign flow is trained on");
        assertTrue(a.siteAttackRows() > 215, "the site's attacks and those injected into its pieces");
        assertEquals(15, a.heldOutSignatures().size(), "a quarter of the 59 signatures that labelled flows");
        assertTrue(a.heldOutSignatures().values().stream().allMatch(n -> n.startsWith("ET ")));
        assertEquals("left-out", a.informationalAlerts());
        Calibration c = info.calibration();
        assertEquals(1527, c.siteConnections(), "the budget is judged on the site's benign flows");
        assertTrue(info.threshold() >= c.modelThreshold());
        assertTrue(c.flaggedAtThreshold() <= 15, "1 % of 1,527");
        assertEquals("site", info.name());
        assertEquals("flowscore adapt --data " + SharedData.require(EVE) + " (--alerts-per-day N | --flagged-share X)"
                + " --seed 1 -o MODEL.zip", info.retrainCommand(), "what a later flowscore that cannot load it says");
    }

    @Test
    void theSameInputsAndSeedGiveTheSameBundle() throws Exception {
        assertArrayEquals(adapt().bundle().toBytes(), adapt().bundle().toBytes());
    }
}
