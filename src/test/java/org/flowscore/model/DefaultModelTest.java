package org.flowscore.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.flowscore.cli.Main;
import org.flowscore.features.ExtendedSettings;
import org.flowscore.features.FeatureSet;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped default model: what models/README.md promises about it. */
class DefaultModelTest {
    @TempDir
    Path tmp;

    @Test
    void readsTheExtendedFeaturesAndSaysHowItsThresholdWasSet() throws ModelException {
        ModelInfo info = ModelBundle.openDefault().info();
        assertEquals("flowscore-default", info.name());
        assertEquals(FeatureSet.EXTENDED, info.featureSet());
        assertEquals(ExtendedSettings.defaults(), info.extendedSettings());
        assertTrue(info.thresholdRule().contains("8-fold leave-capture-out cross-validation"), info.thresholdRule());
        assertTrue(info.thresholdRule().contains("at most 1.0 % of the held-out normal rows pooled"));
        assertEquals(8, info.trainingSources().size());
        assertEquals(ModelBundle.openNamed("default").info(), info);
        assertNotNull(ModelBundle.openNamed("nsl-kdd").info());
    }

    /** The documented command gives the shipped file byte for byte (models/README.md). */
    @Test
    void theDocumentedCommandRebuildsIt() throws Exception {
        Path out = tmp.resolve("flowscore-default.zip");
        assertEquals(0, Main.run("train", "--corpus", "models/flowscore-default.corpus.yml", "--shared-data",
                SharedData.root().toString(), "--out", out.toString()));
        ModelBundle rebuilt = ModelBundle.open(out);
        ModelBundle shipped = ModelBundle.openDefault();
        assertEquals(shipped.info().version(), rebuilt.info().version(), "model.ser has the same SHA-256");
        if (shipped.info().flowscoreVersion().equals(rebuilt.info().flowscoreVersion())) {
            assertArrayEquals(Files.readAllBytes(Path.of(BuiltInModel.DEFAULT.resource())), Files.readAllBytes(out));
        }
    }
}
