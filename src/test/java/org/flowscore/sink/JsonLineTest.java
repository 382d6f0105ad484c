package org.flowscore.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        String text = json.begin().field(JsonLine.Name.of("a \"name\""), awkward).end();
        assertEquals("{\"a \\\"name\\\"\":\"quote \\\" backslash \\\\ tab \\t newline \\n return \\r bell \\u0007"
                + " del \u007f é 😀 /\"}", text);
        assertEquals(JSON.writeValueAsString(JSON.readTree(text)), text);
    }

    @Test
    void numbersArraysAndNestingAsJacksonWritesThem() throws Exception {
        JsonLine.Name n = JsonLine.Name.of("n");
        String text = new JsonLine().begin().field(n, 1e-7).field(JsonLine.Name.of("l"), -42L)
                .field(JsonLine.Name.of("big"), 1.0E21).field(JsonLine.Name.of("t"), true)
                .array(JsonLine.Name.of("arr")).value("x").element().field(n, 0.5).endObject().endArray()
                .object(JsonLine.Name.of("o")).object(JsonLine.Name.of("empty")).endObject().endObject()
                .timestamp(JsonLine.Name.of("ts"), -1).end();
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
        for (double v : values) {
            StringBuilder text = new StringBuilder();
            if (JsonLine.hundredths(text, v)) {
                assertEquals(Double.toString(v), text.toString(), "for " + v);
                fast++;
            } else {
                assertEquals(0, text.length(), "nothing written when it does not apply");
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
        assertEquals(JSON.writeValueAsString(expected), both.alert());
        assertEquals(null, documents.render(new ScoredFlow(featured, 0.1, false, List.of()), "id", true).alert(),
                "no alert for a flow that is not flagged");
    }
}
