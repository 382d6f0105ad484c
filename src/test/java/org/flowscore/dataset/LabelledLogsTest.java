package org.flowscore.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.flowscore.cli.Main;
import org.flowscore.features.FeatureSettings;
import org.flowscore.features.LabelledFeatures;
import org.flowscore.features.ServiceTable;
import org.flowscore.flow.Connection;
import org.flowscore.flow.GroundTruth;
import org.flowscore.format.ZeekTsvWriter;
import org.flowscore.model.Model;
import org.flowscore.model.ModelBundle;
import org.flowscore.pipeline.ReadOptions;
import org.flowscore.source.InputException;
import org.flowscore.testing.Reading;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training and evaluation data from Zeek logs with IoT-23 label columns. */
class LabelledLogsTest {
    @TempDir
    Path tmp;

    private static DatasetLoader loader() {
        return new DatasetLoader(FeatureSettings.defaults(), ServiceTable.bundled(), ReadOptions.defaults());
    }

    @Test
    void iot23BenignLogGivesLabelledNormalRows() throws Exception {
        LabelledDataset d = loader().loadPaths(List.of(SharedData.require("zeek/iot23-honeypot-4-1/conn.log.labeled")));
        assertTrue(d.labelled());
        assertEquals(452, d.rows().size());
        assertEquals(0, d.attacks());
        assertEquals(64, d.sha256().length());
    }

    @Test
    void unlabelledLogsAreUnlabelledAndMixingIsRefused() throws Exception {
        LabelledDataset plain = loader().loadPaths(List.of(SharedData.require("zeek/zat-2013-tsv/conn.log")));
        assertFalse(plain.labelled());
        InputException mixed = assertThrows(InputException.class, () -> loader().loadPaths(List.of(
                SharedData.require("zeek/zat-2013-tsv/conn.log"),
                SharedData.require("zeek/iot23-honeypot-4-1/conn.log.labeled"))));
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
        LabelledDataset d = loader().loadPaths(List.of(train));
        Map<String, Long> labels = d.rows().stream()
                .collect(Collectors.groupingBy(LabelledFeatures::label, Collectors.counting()));
        assertEquals(2, labels.size(), labels.toString());
        assertTrue(labels.get("PartOfAHorizontalPortScan") > 100, labels.toString());

        Path model = tmp.resolve("site.zip");
        assertEquals(0, Main.run("train", "--algorithm", "random-forest", "--trees", "20", "--cv-trees", "10",
                "--data", train.toString(), "--out", model.toString()));
        Model m = ModelBundle.read(model);
        LabelledDataset held = loader().loadPaths(List.of(test));
        long caught = held.rows().stream().filter(LabelledFeatures::isAttack)
                .filter(r -> m.isAttack(m.scorer().score(r.features().values()))).count();
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
