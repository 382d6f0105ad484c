package org.flowscore.features;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.flowscore.testing.FuzzInputs;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing of the NSL-KDD CSV reader (docs/fuzzing.md): every line is a row or an
 * {@link IllegalArgumentException} naming the file and line, never another exception.
 */
class NslKddFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void csvLines(byte[] data) {
        readEveryLine(data);
    }

    @Test
    void sharedDataSeedsHoldTheInvariant() {
        readEveryLine(FuzzInputs.seed("nsl-kdd/KDDTest+.txt"));
        readEveryLine(FuzzInputs.seed("nsl-kdd/KDDTrain+_20Percent.txt"));
    }

    private static void readEveryLine(byte[] data) {
        String[] lines = new String(data, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            try {
                NslKddReader.parse(lines[i], "fuzz", i + 1);
            } catch (IllegalArgumentException refused) {
                if (!refused.getMessage().startsWith("fuzz:" + (i + 1))) {
                    throw new AssertionError("message does not name the line: " + refused.getMessage(), refused);
                }
            }
        }
    }
}
