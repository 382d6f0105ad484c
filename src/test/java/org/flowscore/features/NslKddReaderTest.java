package org.flowscore.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NslKddReaderTest {
    private static final String FIRST_LINE = "0,tcp,ftp_data,SF,491,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2,2,0.00,0.00,"
            + "0.00,0.00,1.00,0.00,0.00,150,25,0.17,0.03,0.17,0.00,0.00,0.00,0.05,0.00,normal,20";

    private static Path train;
    private static List<LabelledFeatures> rows;

    @BeforeAll
    static void readTrainingSet() throws IOException {
        train = SharedData.require("nsl-kdd/KDDTrain+.txt");
        rows = NslKddReader.readAll(train);
    }

    @Test
    void plainDecimalsAreReadAsParseDoubleReadsThem() {
        java.util.Random random = new java.util.Random(16);
        java.util.List<String> texts = new java.util.ArrayList<>(java.util.List.of("0", "0.00", "1.00", "0.01", "0.5",
                ".5", "5.", "1.5", "+1", "-0", "1e3", "", "0.123456789012345", "123456789012345", "1234567890123456"));
        for (int i = 0; i < 100_000; i++) {
            texts.add(Integer.toString(random.nextInt(1_000_000_000)));
            texts.add(String.format(java.util.Locale.ROOT, "0.%02d", random.nextInt(100)));
            texts.add("0." + Long.toString(Math.abs(random.nextLong()) % 10_000_000_000L));
        }
        int fast = 0;
        for (String text : texts) {
            double plain = NslKddReader.plainDecimal(text);
            if (plain >= 0) {
                assertEquals(Double.parseDouble(text), plain, "for '" + text + "'");
                fast++;
            }
        }
        assertTrue(fast > 290_000, "the plain path read " + fast);
    }

    @Test
    void trainingSetSize() {
        assertEquals(125_973, rows.size());
        assertEquals(67_343, rows.stream().filter(r -> !r.isAttack()).count());
        assertEquals(58_630, rows.stream().filter(LabelledFeatures::isAttack).count());
    }

    @Test
    void firstRowExactly() {
        LabelledFeatures first = rows.getFirst();
        double[] expected = {0, 0, 0, 0, 491, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0.00, 0.00,
                0.00, 0.00, 1.00, 0.00, 0.00, 150, 25, 0.17, 0.03, 0.17, 0.00, 0.00, 0.00, 0.05, 0.00};
        expected[KddSchema.PROTOCOL_TYPE] = KddSchema.PROTOCOLS.indexOf("tcp");
        expected[KddSchema.SERVICE] = KddSchema.SERVICES.indexOf("ftp_data");
        expected[KddSchema.FLAG] = KddSchema.FLAGS.indexOf("SF");
        assertArrayEquals(expected, first.features().values());
        assertEquals("tcp", first.features().protocolType());
        assertEquals("ftp_data", first.features().service());
        assertEquals("SF", first.features().flag());
        assertEquals("normal", first.label());
        assertEquals(20, first.difficulty());
        assertFalse(first.isAttack());
        assertEquals(first, NslKddReader.parse(FIRST_LINE, "inline", 1));
    }

    /** KDD excluded the current connection from its windows: the answer to the question in notes §1.4. */
    @Test
    void countReachesZero() {
        double minCount = rows.stream().mapToDouble(r -> r.features().get(KddSchema.COUNT_2S)).min().orElseThrow();
        double minSrvCount = rows.stream().mapToDouble(r -> r.features().get(KddSchema.SRV_COUNT)).min().orElseThrow();
        assertEquals(0, minCount);
        assertEquals(0, minSrvCount);
        assertEquals(13, rows.stream().filter(r -> r.features().get(KddSchema.COUNT_2S) == 0).count());
    }

    @Test
    void formattingReproducesTheFirstLines() throws IOException {
        List<String> lines;
        try (var stream = Files.lines(train, StandardCharsets.US_ASCII)) {
            lines = stream.limit(3).toList();
        }
        for (int n = 0; n < 3; n++) {
            KddFeatures k = rows.get(n).features();
            String formatted = IntStream.range(0, KddSchema.COUNT).mapToObj(k::format)
                    .collect(Collectors.joining(","));
            String expected = String.join(",", Arrays.copyOf(lines.get(n).split(","), KddSchema.COUNT));
            assertEquals(expected, formatted, "line " + (n + 1));
        }
    }

    @Test
    void fortyTwoColumnsMeanNoDifficulty() {
        String kdd99 = FIRST_LINE.substring(0, FIRST_LINE.lastIndexOf(',')).replace(",normal", ",smurf.");
        LabelledFeatures row = NslKddReader.parse(kdd99, "kddcup.data", 7);
        assertEquals("smurf", row.label());
        assertEquals(LabelledFeatures.NO_DIFFICULTY, row.difficulty());
        assertTrue(row.isAttack());
        assertEquals(rows.getFirst().features(), row.features());
    }

    @Test
    void badLinesAreErrorsNamingTheLine() {
        assertBad("0,tcp,http,SF,1,2", "f:3: expected 43 columns (41 features, label, difficulty) or 42, got 6");
        assertBad(FIRST_LINE.replace("ftp_data", "oth_i"), "f:3: service 'oth_i' is not in the NSL-KDD vocabulary");
        assertBad(FIRST_LINE.replace(",SF,", ",RSTRH,"), "f:3: flag 'RSTRH' is not in the NSL-KDD vocabulary");
        assertBad(FIRST_LINE.replace(",491,", ",4x1,"), "f:3: src_bytes is not a number: '4x1'");
        assertBad(FIRST_LINE.replace(",491,", ",-1,"), "f:3: src_bytes must be a finite number of at least 0, got '-1'");
        assertBad(FIRST_LINE.replace(",491,", ",4.5,"), "f:3: src_bytes must be a whole number, got '4.5'");
        assertBad(FIRST_LINE.replace(",1.00,", ",1.50,"), "f:3: same_srv_rate is a rate but is 1.50");
        assertBad(FIRST_LINE.replace(",normal,", ",,"), "f:3: empty label");
        assertBad(FIRST_LINE.replace(",normal,20", ",normal,x"), "f:3: difficulty is not a number: 'x'");
    }

    @Test
    void aBadLineInAFileNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mini.txt");
        Files.writeString(file, FIRST_LINE + "\n" + FIRST_LINE + "\r\n\n" + FIRST_LINE.replace("tcp", "tpc") + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NslKddReader.readAll(file));
        assertEquals(file + ":4: protocol_type 'tpc' is not in the NSL-KDD vocabulary", e.getMessage());
        Files.writeString(file, FIRST_LINE + "\n" + FIRST_LINE + "\r\n\n");
        assertEquals(2, NslKddReader.readAll(file).size());
    }

    private static void assertBad(String line, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NslKddReader.parse(line, "f", 3));
        assertEquals(message, e.getMessage());
    }
}
