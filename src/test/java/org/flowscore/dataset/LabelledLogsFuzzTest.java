package org.flowscore.dataset;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.List;
import org.flowscore.features.ExtendedSettings;
import org.flowscore.features.FeatureSet;
import org.flowscore.features.FeatureSettings;
import org.flowscore.features.LabelledDataset;
import org.flowscore.features.ServiceTable;
import org.flowscore.read.ReadOptions;
import org.flowscore.source.InputException;
import org.flowscore.testing.FuzzInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Coverage-guided fuzzing of the labelled-log reader that training reads (docs/fuzzing.md): any file gives a
 * data set, whose rows are at most the file's lines, or an {@link InputException} saying what is wrong.
 */
class LabelledLogsFuzzTest {
    /** The extended features, as training on logs computes them: every window of both feature sets runs. */
    private static final DatasetLoader LOADER = new DatasetLoader(FeatureSet.EXTENDED, FeatureSettings.defaults(),
            ExtendedSettings.defaults(), ServiceTable.bundled(), ReadOptions.defaults());

    @TempDir
    static Path dir;

    @FuzzTest(maxDuration = "30s")
    void labelledLog(byte[] data) throws Exception {
        load(data);
    }

    @Test
    void sharedDataSeedsHoldTheInvariant() throws Exception {
        load(FuzzInputs.seed("labelled/iot23-malware-34-1/conn.log.labeled"));
        load(FuzzInputs.seed("labelled/stratosphere-ctu-normal-008/conn.log.labeled"));
        load(FuzzInputs.seed("labelled/otrf-apt29/day2/UTICA-C_conn.log"));
        load(FuzzInputs.seed("nsl-kdd/KDDTest-21.txt"));
    }

    private static void load(byte[] data) throws Exception {
        Path file = FuzzInputs.write(dir.resolve("conn.log.labeled"), data);
        try {
            LabelledDataset set = LOADER.loadArguments(List.of(file.toString()));
            long lines = 1;
            for (byte b : data) {
                lines += b == '\n' ? 1 : 0;
            }
            assertTrue(set.rows().size() <= lines, set.rows().size() + " rows from " + lines + " lines");
        } catch (InputException refused) {
            // Not a log at all, or an NSL-KDD file (41 features only): refused with a message naming the file.
        } finally {
            file.toFile().delete();
        }
    }
}
