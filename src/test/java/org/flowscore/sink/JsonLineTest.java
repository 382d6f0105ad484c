package org.flowscore.sink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.flowscore.features.FeaturedConnection;
import org.flowscore.model.ScoredFlow;
import org.flowscore.model.score.Contribution;
import org.flowscore.testing.ScoredDocuments;
import org.junit.jupiter.api.Test;

/**
 * The hand-rolled JSON writer writes what Jackson's generator writes, byte for byte: the documents of real
 * logs come back unchanged when Jackson reads and writes them again, strings that need escapes included;
 * an alert is its flow's document with the alert's kind and dataset.
 */
class JsonLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void escapesAsJacksonDoes() throws Exception {
        String awkward = "quote \" backslash \\ tab \t newline \n return \r bell \u0007 del \u007f é 😀 /";
        JsonLine json = new JsonLine();
        String text = utf8(json.begin().field(JsonLine.Name.of("a \"name\""), awkward).end());
        assertEquals("{\"a \\\"name\\\"\":\"quote \\\" backslash \\\\ tab \\t newline \\n return \\r bell \\u0007"
                + " del \u007f é 😀 /\"}", text);
        assertEquals(JSON.writeValueAsString(JSON.readTree(text)), text);
    }

    @Test
    void numbersArraysAndNestingAsJacksonWritesThem() throws Exception {
        JsonLine.Name n = JsonLine.Name.of("n");
        String text = utf8(new JsonLine().begin().field(n, 1e-7).field(JsonLine.Name.of("l"), -42L)
                .field(JsonLine.Name.of("big"), 1.0E21).field(JsonLine.Name.of("t"), true)
                .array(JsonLine.Name.of("arr")).value("x").element().field(n, 0.5).endObject().endArray()
                .object(JsonLine.Name.of("o")).object(JsonLine.Name.of("empty")).endObject().endObject()
                .timestamp(JsonLine.Name.of("ts"), -1).end());
        assertEquals("{\"n\":1.0E-7,\"l\":-42,\"big\":1.0E21,\"t\":true,\"arr\":[\"x\",{\"n\":0.5}],"
                + "\"o\":{\"empty\":{}},\"ts\":\"1969-12-31T23:59:59.999999Z\"}", text);
        assertEquals(JSON.writeValueAsString(JSON.readTree(text)), text);
    }

    @Test
    void hundredthsAreWrittenAsDoubleToStringWritesThem() {
        java.util.Random random = new java.util.Random(16);
        List<Double> values = new java.util.ArrayList<>(List.of(0.0, -0.0, 0.01, 0.1, 0.5, 1.0, -2.25, 9_999_999.99,
                10_000_000.0, 0.001, 1e-4, 0.3333333333333333, 123.456, Double.MIN_VALUE));
        for (int i = 0; i < 200_000; i++) {
            values.add(random.nextInt(2_000_000_000) / 100.0 - 10_000_000);
            values.add(random.nextInt(101) / 100.0);
            values.add(random.nextDouble() * Math.pow(10, random.nextInt(12) - 4));
        }
        int fast = 0;
        byte[] text = new byte[32];
        for (double v : values) {
            Arrays.fill(text, (byte) 0);
            int end = JsonLine.hundredths(text, 3, v);
            if (end >= 0) {
                assertEquals(Double.toString(v), new String(text, 3, end - 3, StandardCharsets.US_ASCII), "for " + v);
                fast++;
            } else {
                assertArrayEquals(new byte[32], text, "nothing written when it does not apply");
            }
        }
        assertTrue(fast > 250_000, "the fast path was taken " + fast + " times");
    }

    @Test
    void realDocumentsAreWhatJacksonWouldWrite() throws Exception {
        int checked = 0;
        for (String file : List.of("zeek/zat-2013-tsv/conn.log", "suricata/slips-test6/eve.json",
                "zeek/slips-test10-tsv/conn.log", "zeek/rita-json/conn.log")) {
            for (ScoredDocuments.Document d : ScoredDocuments.of(file)) {
                assertEquals(JSON.writeValueAsString(JSON.readTree(d.json())), d.json());
                checked++;
            }
        }
        assertTrue(checked > 1000, "documents checked: " + checked);
    }

    @Test
    void anAlertIsItsFlowsDocumentWithTheAlertsKindAndDataset() throws Exception {
        FeaturedConnection featured = ScoredDocuments.featured("zeek/zat-2013-tsv/conn.log").getFirst();
        ScoredFlow flow = new ScoredFlow(featured, 0.97, true, List.of(new Contribution("count", "12", 0.2)));
        EcsDocuments documents = new EcsDocuments(ScoredDocuments.model(), 0.5);
        EcsDocuments.Documents both = documents.render(flow, documents.id(flow), true);
        ObjectNode expected = (ObjectNode) JSON.readTree(both.event());
        ((ObjectNode) expected.get("event")).put("kind", "alert").put("dataset", "flowscore.alert");
        assertEquals(JSON.writeValueAsString(expected), utf8(both.alert()));
        assertEquals(null, documents.render(new ScoredFlow(featured, 0.1, false, List.of()), "id", true).alert(),
                "no alert for a flow that is not flagged");
    }

    @Test
    void wholeNumbersAsLongToStringWritesThem() {
        long[] numbers = {0, 7, -7, 9, 10, 99, 100, -100, 1_000_000_007L, Long.MAX_VALUE, Long.MIN_VALUE,
            Long.MIN_VALUE + 1, 123_456_789_012_345L};
        for (long n : numbers) {
            byte[] to = new byte[24];
            int end = JsonLine.digits(to, 2, n);
            assertEquals(Long.toString(n), new String(to, 2, end - 2, StandardCharsets.US_ASCII));
        }
    }

    @Test
    void textBeyondAsciiIsUtf8AndALoneSurrogateAQuestionMark() throws Exception {
        JsonLine.Name s = JsonLine.Name.of("s");
        String text = "é ü 中 😀 end";
        byte[] written = new JsonLine().begin().field(s, text).end();
        assertEquals("{\"s\":\"" + text + "\"}", utf8(written));
        assertEquals(text, JSON.readTree(written).get("s").asText());
        String lone = "a\uD800b\uDC00c";
        assertEquals("{\"s\":\"a?b?c\"}", utf8(new JsonLine().begin().field(s, lone).end()),
                "what String.getBytes(UTF_8) writes for a lone surrogate");
    }

    @Test
    void aLongDocumentGrowsTheBuffer() throws Exception {
        JsonLine json = new JsonLine().begin();
        String big = "x".repeat(10_000);
        for (int i = 0; i < 5; i++) {
            json.field(JsonLine.Name.of("f" + i), big);
        }
        JsonNode read = JSON.readTree(json.end());
        assertEquals(5, read.size());
        assertEquals(big, read.get("f4").asText());
    }

    @Test
    void timestampsOfYearsBeyondFourDigitsAreWrittenWhole() {
        IsoTimestamps times = new IsoTimestamps();
        assertEquals("2024-04-19T01:00:01.433985Z", times.format(1_713_488_401_433_985L));
        assertEquals("2024-04-19T01:00:01.000001Z", times.format(1_713_488_401_000_001L), "same second, cached");
        long year10000 = java.time.LocalDateTime.of(10_000, 1, 2, 3, 4, 5).toEpochSecond(java.time.ZoneOffset.UTC);
        assertEquals("10000-01-02T03:04:05.000000Z", times.format(year10000 * 1_000_000));
        assertEquals("1970-01-01T00:00:00.000000Z", times.format(0));
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
