package org.flowscore.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowscore.cli.Main;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.FeatureSettings;
import org.flowscore.features.LabelledDataset;
import org.flowscore.features.LabelledFeatures;
import org.flowscore.features.ServiceTable;
import org.flowscore.flow.Connection;
import org.flowscore.flow.GroundTruth;
import org.flowscore.format.ZeekTsvWriter;
import org.flowscore.model.Model;
import org.flowscore.model.ModelBundle;
import org.flowscore.read.ReadOptions;
import org.flowscore.source.InputException;
import org.flowscore.testing.Reading;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training and evaluation data from Zeek logs with IoT-23 or Stratosphere label columns. */
class LabelledLogsTest {
    @TempDir
    Path tmp;

    private static DatasetLoader loader() {
        return DatasetLoader.nslKdd(FeatureSettings.defaults(), ServiceTable.bundled(), ReadOptions.defaults());
    }

    private static LabelledDataset load(DatasetLoader loader, Path... captures) throws Exception {
        return loader.loadArguments(Arrays.stream(captures).map(Path::toString).toList());
    }

    @Test
    void iot23BenignLogGivesLabelledNormalRows() throws Exception {
        LabelledDataset d = load(loader(), SharedData.require("zeek/iot23-honeypot-4-1/conn.log.labeled"));
        assertTrue(d.labelled());
        assertEquals(452, d.rows().size());
        assertEquals(0, d.attacks());
        assertEquals(0, d.unlabelled());
        assertEquals(64, d.sha256().length());
    }

    /**
     * Stratosphere's CTU-Normal day 008: label and detailedlabel columns, 4,201 Malicious, 1,402 Benign and 60
     * Background connections (counted with awk on the file). Background is unlabelled: no row, counted.
     */
    @Test
    void stratosphereLabelsAreReadAndBackgroundIsLeftOut() throws Exception {
        LabelledDataset d = load(loader(), SharedData.require("labelled/stratosphere-ctu-normal-008/conn.log.labeled"));
        assertTrue(d.labelled());
        assertEquals(4201, d.attacks());
        assertEquals(1402, d.normals());
        assertEquals(60, d.unlabelled());
        assertEquals(Set.of("External-Attack-to-Device"), d.rows().stream().filter(LabelledFeatures::isAttack)
                .map(LabelledFeatures::label).collect(Collectors.toSet()));
    }

    /** The benign Ubuntu day: 6,796 Benign and 328 Unknown; Unknown is unlabelled, never an attack. */
    @Test
    void unknownIsNeitherBenignNorAttack() throws Exception {
        LabelledDataset d = load(loader(), SharedData.require("labelled/idps-benign-ubuntu-2023-02-20/conn.log.labeled"));
        assertEquals(0, d.attacks());
        assertEquals(6796, d.normals());
        assertEquals(328, d.unlabelled());
        assertEquals(1, d.captures().size());
        assertEquals(328, d.captures().getFirst().unlabelled());
    }

    @Test
    void eachArgumentIsOneCaptureWithItsOwnRows() throws Exception {
        LabelledDataset d = load(loader(), SharedData.require("zeek/iot23-honeypot-4-1/conn.log.labeled"),
                SharedData.require("labelled/iot23-honeypot-5-1/conn.log.labeled"));
        assertEquals(2, d.captures().size());
        assertEquals(452, d.captures().get(0).rowCount());
        assertEquals(452, d.captures().get(1).firstRow());
        assertEquals(1374, d.captures().get(1).rowCount());
        // The Hue bridge's log spans 2018-10-25 12:06 to 10-26 09:58, almost 22 hours.
        assertTrue(d.captures().get(0).spanMicros() > 21 * 3_600_000_000L, "" + d.captures().get(0).spanMicros());
    }

    @Test
    void unlabelledLogsAreUnlabelledAndMixingIsRefused() throws Exception {
        LabelledDataset plain = load(loader(), SharedData.require("zeek/zat-2013-tsv/conn.log"));
        assertFalse(plain.labelled());
        InputException mixed = assertThrows(InputException.class, () -> load(loader(),
                SharedData.require("zeek/zat-2013-tsv/conn.log"),
                SharedData.require("zeek/iot23-honeypot-4-1/conn.log.labeled")));
        assertTrue(mixed.getMessage().contains("mix labelled and unlabelled"), mixed.getMessage());
    }

    /**
     * A labelled log as IoT-23 writes it: the rejected probes of one real hour of Internet scanning marked
     * malicious, everything else benign. A forest trained on it through the CLI flags held-out probes.
     */
    @Test
    void aForestTrainsOnLabelledLogsAndEvaluatesOnThem() throws Exception {
        Path train = labelledLog("conn.04:00:00-05:00:00.log.gz", "train.log.labeled");
        Path test = labelledLog("conn.05:00:00-06:00:00.log.gz", "test.log.labeled");
        LabelledDataset d = load(loader(), train);
        Map<String, Long> labels = d.rows().stream()
                .collect(Collectors.groupingBy(LabelledFeatures::label, Collectors.counting()));
        assertEquals(2, labels.size(), labels.toString());
        assertTrue(labels.get("PartOfAHorizontalPortScan") > 100, labels.toString());

        Path model = tmp.resolve("site.zip");
        assertEquals(0, Main.run("train", "--algorithm", "random-forest", "--trees", "20", "--cv-trees", "10",
                "--data", train.toString(), "--out", model.toString()));
        Model m = ModelBundle.read(model);
        assertEquals(FeatureSet.EXTENDED, m.featureSet(), "logs train on the extended features by default");
        LabelledDataset held = load(new DatasetLoader(m.featureSet(), m.info().featureSettings(),
                m.info().extendedSettings(), ServiceTable.bundled(), ReadOptions.defaults()), test);
        long caught = held.rows().stream().filter(LabelledFeatures::isAttack)
                .filter(r -> m.isAttack(m.scorer().score(r.values(m.featureSet())))).count();
        assertTrue(caught >= 0.9 * held.attacks(), caught + " of " + held.attacks());
    }

    private Path labelledLog(String hour, String name) throws IOException {
        List<Connection> connections = Reading.read(SharedData.require(
                "zeek/rita-missing-host/2024-04-19/" + hour)).connections();
        StringWriter text = new StringWriter();
        ZeekTsvWriter writer = new ZeekTsvWriter(text, true);
        writer.writeHeader("2024-04-19-00-00-00");
        for (Connection c : connections) {
            GroundTruth truth = "REJ".equals(c.connState())
                    ? new GroundTruth("Malicious", "PartOfAHorizontalPortScan") : new GroundTruth("benign", null);
            writer.write(new Connection(c.startMicros(), c.durationMicros(), c.recordId(), c.key(), c.service(),
                    c.orig(), c.resp(), c.missedBytes(), c.connState(), c.history(), c.localOrig(), c.localResp(),
                    c.urgentPackets(), c.payloadEstimated(), c.communityId(), c.format(), c.sensor(), truth));
        }
        Path file = tmp.resolve(name);
        Files.writeString(file, text.toString());
        return file;
    }
}
