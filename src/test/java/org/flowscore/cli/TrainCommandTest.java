package org.flowscore.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowscore.features.LabelledFeatures;
import org.flowscore.features.NslKddReader;
import org.flowscore.model.BuiltInModel;
import org.flowscore.model.Model;
import org.flowscore.model.ModelBundle;
import org.flowscore.model.ModelInfo;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    /** The --data argument of the command in models/README.md, run from the project root. */
    private static final String DOCUMENTED_DATA = "../shared/data/nsl-kdd/KDDTrain+.txt";

    @TempDir
    Path tmp;

    @Test
    void theDocumentedCommandRebuildsTheNslKddModel() throws Exception {
        String data = SharedData.require("nsl-kdd/KDDTrain+.txt").toString();
        Path out = tmp.resolve("nsl-kdd-random-forest.zip");
        CliRun r = CliRun.of("train", "--algorithm", "random-forest", "--data", data, "--seed", "42",
                "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("read 125,973 rows from 1 capture"), r.err());
        assertTrue(r.err().contains("58,630 attacks of 22 types, 67,343 normal"), r.err());
        assertTrue(r.err().contains("  fold 5/5: trained on"), r.err());
        assertTrue(r.err().contains("  threshold   0.038: "), r.err());

        Model shipped = ModelBundle.openBuiltIn(BuiltInModel.NSL_KDD).model();
        Model rebuilt = ModelBundle.read(out);
        assertEquals(shipped.info().version(), rebuilt.info().version(), "model.ser has the same SHA-256");
        assertEquals(shipped.threshold(), rebuilt.threshold());
        List<LabelledFeatures> test = NslKddReader.readAll(SharedData.require("nsl-kdd/KDDTest+.txt"));
        for (LabelledFeatures row : test) {
            double[] x = row.features().values();
            assertEquals(shipped.scorer().score(x), rebuilt.scorer().score(x));
        }
        // model.json differs only where it records the data path as given and the flowscore version.
        ModelInfo a = shipped.info();
        ModelInfo b = rebuilt.info();
        assertEquals(a, new ModelInfo(b.formatVersion(), b.name(), b.version(), b.algorithm(), b.smileVersion(),
                a.flowscoreVersion(), b.features(), b.encodings(), b.featureSettings(), b.threshold(),
                b.thresholdRule(), b.trainingDataSha256(), a.trainingSources(), b.trainingRows(), b.trainingAttacks(),
                b.constantFeatures(), b.parameters(), b.trainingMetrics(), b.extendedSettings(), b.calibration(),
                b.adaptation()));
        if (data.equals(DOCUMENTED_DATA) && a.flowscoreVersion().equals(b.flowscoreVersion())) {
            assertArrayEquals(Files.readAllBytes(Path.of(BuiltInModel.NSL_KDD.resource())), Files.readAllBytes(out));
        }
    }

    @Test
    void isolationForestLearnsUnlabelledLogs() throws Exception {
        Path out = tmp.resolve("site.zip");
        CliRun r = CliRun.of("train", "--algorithm", "isolation-forest", "--data", "sample-logs/zeek-tsv/conn.log",
                "--trees", "50", "--quantile", "0.95", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("read 360 rows from 1 capture in "), r.err());
        assertTrue(r.err().contains(": unlabelled connections"), r.err());
        assertTrue(r.err().contains("fit on 360 normal rows"), r.err());
        Model model = ModelBundle.read(out);
        assertEquals("site", model.info().name());
        assertEquals(50, ((Number) model.info().parameters().get("trees")).intValue());
        assertTrue(model.info().thresholdRule().startsWith("the 0.95 quantile of the 360 training rows' scores"));
    }

    @Test
    void supervisedTrainingOnUnlabelledLogsSaysWhatToDo() {
        CliRun r = CliRun.of("train", "--algorithm", "gradient-boosting", "--data", "sample-logs/zeek-tsv/conn.log",
                "--out", tmp.resolve("m.zip").toString());
        assertEquals(1, r.exitCode());
        List<String> lines = r.err().lines().toList();
        assertEquals(List.of("loading sample-logs/zeek-tsv/conn.log"), lines.subList(0, 1));
        assertTrue(lines.get(1).startsWith("read 360 rows from 1 capture in "), r.err());
        assertTrue(lines.get(2).startsWith("flowscore: gradient-boosting learns from labelled rows, and these logs"
                + " carry no labels"), r.err());
        assertTrue(lines.get(2).endsWith("--algorithm isolation-forest, which learns normal traffic from unlabelled"
                + " logs"), r.err());
        assertEquals(3, lines.size(), r.err());
    }

    @Test
    void optionsOfAnotherAlgorithmAreRefused() {
        CliRun r = CliRun.of("train", "--algorithm", "random-forest", "--data", "x.txt", "--learning-rate", "0.2",
                "--out", tmp.resolve("m.zip").toString());
        assertEquals(1, r.exitCode());
        assertEquals("flowscore: --learning-rate applies to gradient-boosting, not to random-forest\n", r.err());
        CliRun folds = CliRun.of("train", "--algorithm", "random-forest", "--data", "x.txt", "--folds", "1",
                "--out", tmp.resolve("m.zip").toString());
        assertEquals("flowscore: --folds must be at least 2, got 1\n", folds.err());
    }

    @Test
    void usageErrorsExitTwo() {
        CliRun unknown = CliRun.of("train", "--algorithm", "svm", "--data", "x.txt", "--out", "m.zip");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("'svm' is not an algorithm: use random-forest, gradient-boosting, logistic,"
                + " isolation-forest"), unknown.err());
        assertEquals(2, CliRun.of("train", "--algorithm", "logistic", "--out", "m.zip").exitCode());
        assertEquals(2, CliRun.of("train", "--algorithm", "logistic", "--data", "x.txt").exitCode());
    }

    @Test
    void badInputsAreOneLineErrors() {
        CliRun missing = CliRun.of("train", "--algorithm", "logistic", "--data", tmp.resolve("none.txt").toString(),
                "--out", tmp.resolve("m.zip").toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().endsWith("\nflowscore: " + tmp.resolve("none.txt") + ": no such file or folder\n"),
                missing.err());
        CliRun noFolder = CliRun.of("train", "--algorithm", "logistic", "--data", "sample-logs/zeek-tsv/conn.log",
                "--out", tmp.resolve("no/m.zip").toString());
        assertEquals(1, noFolder.exitCode());
        assertEquals("flowscore: --out " + tmp.resolve("no/m.zip") + ": the folder " + tmp.resolve("no")
                + " does not exist\n", noFolder.err());
    }

    @Test
    void helpTeaches() {
        CliRun help = CliRun.of("train", "--help");
        assertEquals(0, help.exitCode());
        for (String expected : List.of("--algorithm", "--data", "--out", "--seed", "--cv-trees", "--quantile",
                "isolation-forest", "attack types out", "Examples", "--traffic-window", "models/nsl-kdd-random-forest.zip")) {
            assertTrue(help.out().contains(expected), expected + " in\n" + help.out());
        }
        assertTrue(CliRun.of("--help").out().contains("train"));
    }
}
