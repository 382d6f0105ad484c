package org.flowscore.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.flowscore.source.SourceLine;
import org.junit.jupiter.api.Test;

/** Bad lines are skipped with the exact reason, and the detail says which field and value. */
class SuricataEveMalformedTest {
    private static final String FLOW = SuricataEveReaderTest.UDP_FLOW;

    private final SuricataEveReader reader = new SuricataEveReader(ReaderContext.defaults());

    @Test
    void truncatedJsonIsMalformedAndNamesTheFieldItStoppedIn() {
        String cut = FLOW.substring(0, FLOW.indexOf("16:38:55"));
        LineOutcome.Skipped s = skipped(cut, SkipReason.MALFORMED_JSON);
        assertTrue(s.detail().contains("flow.start"), s.detail());
        assertTrue(s.detail().toLowerCase().contains("end-of-input"), s.detail());
        assertTrue(s.detail().endsWith("(byte " + cut.length() + ")"), s.detail());
    }

    @Test
    void nonNumericCountIsABadNumber() {
        LineOutcome.Skipped s = skipped(FLOW.replace("\"pkts_toserver\":12", "\"pkts_toserver\":\"abc\""),
                SkipReason.BAD_NUMBER);
        assertEquals("flow.pkts_toserver 'abc'", s.detail());
    }

    @Test
    void negativeFractionalOrStructuredCountsAndWildPortsAreBadNumbers() {
        assertEquals("flow.bytes_toclient '-5'", skipped(FLOW.replace("\"bytes_toclient\":0", "\"bytes_toclient\":-5"),
                SkipReason.BAD_NUMBER).detail());
        assertEquals("flow.pkts_toclient '1.5'", skipped(FLOW.replace("\"pkts_toclient\":0", "\"pkts_toclient\":1.5"),
                SkipReason.BAD_NUMBER).detail());
        assertEquals("flow.pkts_toclient an array", skipped(FLOW.replace("\"pkts_toclient\":0",
                "\"pkts_toclient\":[1]"), SkipReason.BAD_NUMBER).detail());
        assertEquals("src_port '70000' is over 65535", skipped(FLOW.replace("\"src_port\":1900", "\"src_port\":70000"),
                SkipReason.BAD_NUMBER).detail());
        assertEquals("tcp.tcp_flags_ts 'zz'", skipped(SuricataEveReaderTest.tcpFlow("zz", "12", "\"ack\":true"),
                SkipReason.BAD_NUMBER).detail());
    }

    @Test
    void invalidUtf8InsideAStringIsInvalidUtf8() {
        byte[] line = withBytes(FLOW, "\"host\":\"strato", new byte[] {(byte) 0xC3, 0x28}, "sphere.org\"}");
        LineOutcome.Skipped s = skipped(line, SkipReason.INVALID_UTF8);
        assertTrue(s.detail().contains("host"), s.detail());
        assertTrue(s.detail().contains("0xC3"), s.detail());

        byte[] inAddress = withBytes(FLOW, "\"src_ip\":\"192.", new byte[] {(byte) 0xFF},
                FLOW.substring(FLOW.indexOf("168.1.132")));
        s = skipped(inAddress, SkipReason.INVALID_UTF8);
        assertTrue(s.detail().contains("src_ip"), s.detail());
    }

    @Test
    void controlBytesMeanBinaryData() {
        Random random = new Random(42);
        byte[] garbage = new byte[300];
        random.nextBytes(garbage);
        garbage[0] = 0x1F;
        garbage[7] = 0;
        garbage[150] = 0;
        LineOutcome.Skipped s = skipped(garbage, SkipReason.BINARY_DATA);
        assertTrue(s.detail().startsWith("control byte 0x1F at byte 0"), s.detail());

        byte[] leadingNul = withBytes("", "", new byte[] {0, 0}, FLOW);
        assertEquals("control byte 0x00 at byte 0", skipped(leadingNul, SkipReason.BINARY_DATA).detail());

        byte[] nulInString = withBytes(FLOW, "\"host\":\"strato", new byte[] {0}, "sphere.org\"}");
        s = skipped(nulInString, SkipReason.BINARY_DATA);
        assertTrue(s.detail().contains("in host"), s.detail());

        byte[] nulAfterObject = withBytes("", FLOW, new byte[] {0}, "");
        skipped(nulAfterObject, SkipReason.BINARY_DATA);
    }

    @Test
    void printableGarbageIsMalformedJson() {
        skipped("hello world", SkipReason.MALFORMED_JSON);
        assertTrue(skipped("[1,2,3]", SkipReason.MALFORMED_JSON).detail().startsWith("not a JSON object"));
        skipped("42", SkipReason.MALFORMED_JSON);
        skipped(FLOW + FLOW, SkipReason.MALFORMED_JSON);
        skipped(FLOW + " trailing", SkipReason.MALFORMED_JSON);
        skipped("{\"event_type\":'flow'}", SkipReason.MALFORMED_JSON);
        skipped("[".repeat(5000), SkipReason.MALFORMED_JSON);
        skipped("{\"event_type\":\"flow\",\"x\":" + "[".repeat(5000), SkipReason.MALFORMED_JSON);
        assertTrue(skipped(FLOW.replace("\"proto\":\"UDP\",", "\"proto\":\"UDP\",,"), SkipReason.MALFORMED_JSON)
                .detail().contains("proto"));
    }

    /** Jackson would guess UTF-16 from a BOM or from zero bytes; EVE is UTF-8, so neither is read as text. */
    @Test
    void otherEncodingsAreNotTakenForText() {
        byte[] utf16 = ("\uFEFF" + FLOW).getBytes(StandardCharsets.UTF_16LE);
        assertEquals("control byte 0x00 at byte 3", skipped(utf16, SkipReason.BINARY_DATA).detail(),
                "UTF-16 text is full of NULs");
        byte[] bomOnly = withBytes("", "", new byte[] {(byte) 0xFF, (byte) 0xFE}, FLOW);
        assertEquals("invalid UTF-8 byte 0xFF at byte 0", skipped(bomOnly, SkipReason.INVALID_UTF8).detail());
        byte[] utf8Bom = ("\uFEFF" + FLOW).getBytes(StandardCharsets.UTF_8);
        assertInstanceOf(LineOutcome.Parsed.class, reader.read(EveTestLines.line(utf8Bom)), "a UTF-8 BOM is harmless");
    }

    @Test
    void missingEventTypeIsAMissingField() {
        assertEquals("no event_type", skipped(FLOW.replace("\"event_type\":\"flow\",", ""),
                SkipReason.MISSING_FIELD).detail());
        assertTrue(skipped(FLOW.replace("\"event_type\":\"flow\"", "\"event_type\":5"), SkipReason.MISSING_FIELD)
                .detail().startsWith("event_type is not a string"));
    }

    @Test
    void flowWithoutItsKeyFieldsIsAMissingField() {
        assertEquals("no src_ip", skipped(FLOW.replace("\"src_ip\":\"192.168.1.132\",", ""),
                SkipReason.MISSING_FIELD).detail());
        assertEquals("no dest_ip", skipped(FLOW.replace("\"dest_ip\":\"192.168.1.129\",", ""),
                SkipReason.MISSING_FIELD).detail());
        assertEquals("no proto", skipped(FLOW.replace("\"proto\":\"UDP\",", ""), SkipReason.MISSING_FIELD).detail());
        assertEquals("no flow.start", skipped(FLOW.replace("\"start\":\"2021-06-06T16:38:55.855844+0200\",", ""),
                SkipReason.MISSING_FIELD).detail());
        assertEquals("no src_port", skipped(FLOW.replace("\"src_port\":1900,", ""), SkipReason.MISSING_FIELD)
                .detail());
    }

    @Test
    void unparseableTimestampsAreBadTimestamps() {
        assertEquals("flow.start 'yesterday'", skipped(FLOW.replace("2021-06-06T16:38:55.855844+0200", "yesterday"),
                SkipReason.BAD_TIMESTAMP).detail());
        assertEquals("flow.end '2021-06-06T25:38:56.963027+0200'",
                skipped(FLOW.replace("16:38:56.963027", "25:38:56.963027"), SkipReason.BAD_TIMESTAMP).detail());
        assertTrue(skipped(FLOW.replace("16:38:56.963027", "16:30:56.963027"), SkipReason.BAD_TIMESTAMP).detail()
                .startsWith("flow.end '2021-06-06T16:30:56.963027+0200' is before flow.start"));
    }

    @Test
    void nonAddressIsABadAddress() {
        LineOutcome.Skipped s = skipped(FLOW.replace("192.168.1.132", "not-an-ip"), SkipReason.BAD_ADDRESS);
        assertTrue(s.detail().contains("src_ip 'not-an-ip'"), s.detail());
    }

    @Test
    void overlongLineIsSkippedWithoutParsing() {
        SourceLine cut = new SourceLine(7, 0, 99_999, FLOW.substring(0, 100).getBytes(StandardCharsets.UTF_8), true);
        LineOutcome.Skipped s = assertInstanceOf(LineOutcome.Skipped.class, reader.read(cut));
        assertEquals(SkipReason.LINE_TOO_LONG, s.reason());
        assertTrue(s.detail().startsWith("line 7 starts '{\"timestamp\""), s.detail());
    }

    @Test
    void longValuesAreCutInTheDetail() {
        String longValue = "x".repeat(500);
        LineOutcome.Skipped s = skipped(FLOW.replace("\"pkts_toserver\":12", "\"pkts_toserver\":\"" + longValue + "\""),
                SkipReason.BAD_NUMBER);
        assertTrue(s.detail().length() < 100, s.detail());
    }

    /** Whatever the bytes, the reader answers and never throws. */
    @Test
    void randomLinesNeverThrow() {
        Random random = new Random(7);
        byte[] flow = FLOW.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 20_000; i++) {
            byte[] line;
            if (i % 2 == 0) {
                line = new byte[random.nextInt(200)];
                random.nextBytes(line);
            } else {
                line = flow.clone();
                for (int k = random.nextInt(4); k >= 0; k--) {
                    line[random.nextInt(line.length)] = (byte) random.nextInt(256);
                }
            }
            assertNotNull(reader.read(EveTestLines.line(line)));
        }
    }

    private LineOutcome.Skipped skipped(String json, SkipReason expected) {
        return skipped(json.getBytes(StandardCharsets.UTF_8), expected);
    }

    private LineOutcome.Skipped skipped(byte[] line, SkipReason expected) {
        LineOutcome outcome = reader.read(EveTestLines.line(line));
        LineOutcome.Skipped s = assertInstanceOf(LineOutcome.Skipped.class, outcome, outcome::toString);
        assertEquals(expected, s.reason(), s::detail);
        return s;
    }

    /** {@code json} up to and including {@code anchor}, then raw bytes, then {@code rest}. */
    private static byte[] withBytes(String json, String anchor, byte[] raw, String rest) {
        String head = json.isEmpty() ? anchor : json.substring(0, json.indexOf(anchor) + anchor.length());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(raw);
        out.writeBytes(rest.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
