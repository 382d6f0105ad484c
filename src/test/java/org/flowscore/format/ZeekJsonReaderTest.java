package org.flowscore.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flowscore.flow.CommunityId;
import org.flowscore.flow.Connection;
import org.flowscore.flow.GroundTruth;
import org.flowscore.flow.SourceFormat;
import org.flowscore.flow.Traffic;
import org.flowscore.flow.Transport;
import org.flowscore.source.SourceLine;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZeekJsonReaderTest {

    /** First line of zeek/zat-2019-json/conn.log, verbatim. */
    private static final String ZAT_FIRST = """
            {"ts":1575413096.052279,"uid":"CH53301MTU21BMj2Bj","id.orig_h":"10.18.20.97","id.orig_p":49187,\
            "id.resp_h":"10.18.20.8","id.resp_p":88,"proto":"tcp","service":"krb_tcp",\
            "duration":0.0012309551239013672,"orig_bytes":242,"resp_bytes":283,"conn_state":"RSTR",\
            "missed_bytes":0,"history":"ShADdFar","orig_pkts":4,"orig_ip_bytes":414,"resp_pkts":4,\
            "resp_ip_bytes":455}""";

    /** A minimal conn record; tests swap single fields in it. */
    private static final String BASE = """
            {"ts":1700828217.314165,"uid":"CfykLO1IT1nVRJhLA3","id.orig_h":"192.168.1.9","id.orig_p":50820,\
            "id.resp_h":"45.33.32.156","id.resp_p":443,"proto":"tcp","duration":0.206963,"orig_bytes":0,\
            "resp_bytes":0,"conn_state":"REJ","local_orig":true,"local_resp":false,"missed_bytes":0,\
            "history":"Sr","orig_pkts":1,"orig_ip_bytes":60,"resp_pkts":1,"resp_ip_bytes":40}""";

    private final ZeekJsonReader reader = new ZeekJsonReader(ReaderContext.defaults());

    // ---- real data ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "zeek/zat-2019-json/conn.log, 50",
        "zeek/rita-json/conn.log, 29",
        "zeek/rita-json/open_conn.log, 59",
        "zeek/slips-portscan-vertical-json/conn.log, 50"})
    void everyRealConnLineIsParsed(String file, int expected) throws IOException {
        List<SourceLine> lines = lines(file);
        assertEquals(expected, lines.size());
        for (SourceLine line : lines) {
            LineOutcome outcome = reader.read(line);
            Connection c = assertInstanceOf(LineOutcome.Parsed.class, outcome,
                    () -> file + ":" + line.number() + " " + outcome).connection();
            assertEquals(SourceFormat.ZEEK_JSON, c.format());
            assertEquals(ReaderContext.DEFAULT_SENSOR, c.sensor());
            assertTrue(c.startMicros() > 1_500_000_000_000_000L, () -> "start " + c.startMicros());
            assertTrue(c.communityId().startsWith("1:"));
        }
    }

    @Test
    void dnsLogLinesAreNotConnRecords() throws IOException {
        List<SourceLine> lines = lines("zeek/zat-2019-json/dns.log");
        assertEquals(50, lines.size());
        for (SourceLine line : lines) {
            assertSkipped(SkipReason.NOT_CONN_LOG, reader.read(line));
        }
    }

    @Test
    void firstZatRecordFieldByField() throws IOException {
        SourceLine first = lines("zeek/zat-2019-json/conn.log").getFirst();
        assertEquals(ZAT_FIRST, new String(first.bytes(), StandardCharsets.UTF_8));
        Connection c = parsed(first);

        assertEquals(1_575_413_096_052_279L, c.startMicros());
        // 0.0012309551239013672 s: digits past the sixth decimal are truncated, not rounded.
        assertEquals(1_230L, c.durationMicros());
        assertEquals("CH53301MTU21BMj2Bj", c.recordId());
        assertEquals("10.18.20.97", c.key().sourceIp());
        assertEquals(49187, c.key().sourcePort());
        assertEquals("10.18.20.8", c.key().destinationIp());
        assertEquals(88, c.key().destinationPort());
        assertEquals(Transport.TCP, c.transport());
        assertEquals(6, c.key().ipProto());
        assertEquals("krb_tcp", c.service());
        assertEquals(new Traffic(242, 4, 414), c.orig());
        assertEquals(new Traffic(283, 4, 455), c.resp());
        assertEquals(0, c.missedBytes());
        assertEquals("RSTR", c.connState());
        assertEquals("ShADdFar", c.history());
        // No local_orig/local_resp keys: both ends are in 10.0.0.0/8, local by the default local networks.
        assertEquals(Boolean.TRUE, c.localOrig());
        assertEquals(Boolean.TRUE, c.localResp());
        assertEquals(0, c.urgentPackets());
        assertFalse(c.payloadEstimated());
        // Computed outside flowscore (Python hashlib): SHA-1 over seed 0x0000, 10.18.20.8, 10.18.20.97
        // (smaller address first), proto 6, pad 0, ports 88 then 49187; base64.
        assertEquals("1:Cg/JgpV12tFPFRGSAZqKqTl2uwk=", c.communityId());
        assertNull(c.truth());
        assertEquals(c.startMicros() + 1_230L, c.endMicros());
    }

    // ---- field forms ----------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2023-11-24T12:16:57.314165Z      | 1700828217314165",
        "2023-11-24T13:16:57.314165+01:00 | 1700828217314165",
        "2023-11-24T13:16:57.314165+0100  | 1700828217314165",
        "2023-11-24T12:16:57Z             | 1700828217000000"})
    void isoTimestampString(String iso, long micros) {
        Connection c = parsed(BASE.replace("1700828217.314165", '"' + iso + '"'));
        assertEquals(micros, c.startMicros());
        assertEquals(parsed(BASE).startMicros() / 1_000_000, c.startMicros() / 1_000_000);
    }

    @ParameterizedTest
    @CsvSource({"1.2e-05, 12", "3.5E-4, 350", "1.5e+02, 150000000", "2e0, 2000000"})
    void exponentFormDuration(String duration, long micros) {
        assertEquals(micros, parsed(BASE.replace("0.206963", duration)).durationMicros());
    }

    @Test
    void missingOrNullDurationIsZero() {
        assertEquals(0, parsed(BASE.replace("\"duration\":0.206963,", "")).durationMicros());
        assertEquals(0, parsed(BASE.replace("0.206963", "null")).durationMicros());
    }

    @Test
    void nestedIdObjectReadsLikeFlatKeys() {
        String nested = BASE.replace("""
                "id.orig_h":"192.168.1.9","id.orig_p":50820,"id.resp_h":"45.33.32.156","id.resp_p":443""", """
                "id":{"orig_h":"192.168.1.9","orig_p":50820,"resp_h":"45.33.32.156","resp_p":443,"vlan":[1]}""");
        assertTrue(nested.contains("\"id\":{"));
        assertEquals(parsed(BASE), parsed(nested));
    }

    @Test
    void stringIdAsInFilesLogIsNotTheTuple() {
        String withFileId = BASE.replace("\"id.orig_h\":\"192.168.1.9\",", "\"id\":\"FzTguv1nVRN3QQxMI7\",");
        assertSkipped(SkipReason.MISSING_FIELD, reader.read(line(withFileId)), "no id.orig_h");
    }

    @Test
    void labelAndDetailedLabel() {
        String labelled = BASE.replace("}", ",\"label\":\"Malicious\",\"detailed-label\":\"PartOfAHorizontalPortScan\"}");
        assertEquals(new GroundTruth("Malicious", "PartOfAHorizontalPortScan"), parsed(labelled).truth());

        String underscore = BASE.replace("}", ",\"label\":\"Malicious\",\"detailed_label\":\"C&C\"}");
        assertEquals(new GroundTruth("Malicious", "C&C"), parsed(underscore).truth());

        String labelOnly = BASE.replace("}", ",\"label\":\"benign\",\"detailed-label\":null}");
        assertEquals(new GroundTruth("benign", null), parsed(labelOnly).truth());
    }

    @Test
    void stateDoesNotLeakFromOneLineToTheNext() {
        parsed(BASE.replace("}", ",\"label\":\"Malicious\",\"service\":\"http\"}"));
        assertSkipped(SkipReason.MALFORMED_JSON, reader.read(line("{\"service\":\"ssh\",")));
        Connection next = parsed(BASE);
        assertNull(next.truth());
        assertNull(next.service());
    }

    @Test
    void icmpTypeAndCodeComeInThePorts() {
        Connection c = parsed("""
                {"ts":1601998401.25,"uid":"Cicmp","id.orig_h":"1.2.3.4","id.orig_p":8,"id.resp_h":"5.6.7.8",\
                "id.resp_p":0,"proto":"icmp","duration":0.045,"orig_bytes":336,"resp_bytes":336,\
                "conn_state":"OTH","orig_pkts":5,"orig_ip_bytes":476,"resp_pkts":5,"resp_ip_bytes":476}""");
        assertEquals(Transport.ICMP, c.transport());
        assertEquals(1, c.key().ipProto());
        assertEquals(8, c.key().sourcePort(), "ICMP type");
        assertEquals(0, c.key().destinationPort(), "ICMP code");
        assertEquals(45_000, c.durationMicros());
        // Community ID spec README, default-settings table: "ICMP 1.2.3.4 -> 5.6.7.8 8/0, echo request".
        assertEquals("1:crodRHL2FEsHjbv3UkRrfbs4bZ0=", c.communityId());
        assertEquals(new CommunityId(0).hash(1, "1.2.3.4", "5.6.7.8", 8, 0), c.communityId());
    }

    @Test
    void nullsArraysAndUnknownKeys() {
        Connection c = parsed(BASE.replace("}", """
                ,"service":null,"local_resp":null,"tunnel_parents":["CabcX","CdefY"],"orig_l2_addr":"c4:23:60:3d:fd:d3",\
                "extra":{"nested":[1,{"deep":true}]},"vlan":12}"""));
        assertNull(c.service());
        assertEquals(Boolean.TRUE, c.localOrig());
        // local_resp null: decided by the default local networks, which do not hold 45.33.32.156.
        assertEquals(Boolean.FALSE, c.localResp());
        assertEquals(new Traffic(0, 1, 60), c.orig());
    }

    @Test
    void blankAndOverlongLines() {
        assertEquals(new LineOutcome.NotAConnection("blank"), reader.read(line("")));
        assertEquals(new LineOutcome.NotAConnection("blank"), reader.read(line("  \t ")));
        byte[] cut = BASE.substring(0, 40).getBytes(StandardCharsets.UTF_8);
        assertSkipped(SkipReason.LINE_TOO_LONG, reader.read(new SourceLine(1, 0, 1 << 20, cut, true)));
    }

    // ---- malformed input ------------------------------------------------------------------------------

    @Test
    void truncatedJson() {
        assertSkipped(SkipReason.MALFORMED_JSON, reader.read(line(BASE.substring(0, BASE.length() - 1))));
        assertSkipped(SkipReason.MALFORMED_JSON, reader.read(line(BASE.substring(0, 100))));
        assertSkipped(SkipReason.MALFORMED_JSON, reader.read(line("{\"ts\":")));
    }

    @Test
    void nonNumericCountIsBadNumberNamingTheField() {
        assertSkipped(SkipReason.BAD_NUMBER, reader.read(line(BASE.replace("\"orig_bytes\":0", "\"orig_bytes\":\"abc\""))),
                "orig_bytes");
        assertSkipped(SkipReason.BAD_NUMBER, reader.read(line(BASE.replace("\"resp_pkts\":1", "\"resp_pkts\":-1"))),
                "resp_pkts");
        assertSkipped(SkipReason.BAD_NUMBER, reader.read(line(BASE.replace("\"id.resp_p\":443", "\"id.resp_p\":70000"))),
                "id.resp_p");
    }

    @Test
    void badTimestamp() {
        assertSkipped(SkipReason.BAD_TIMESTAMP, reader.read(line(BASE.replace("1700828217.314165", "\"yesterday\""))));
    }

    @Test
    void invalidUtf8InsideAString() {
        // 0xC3 opens a two-byte sequence; '(' is not a continuation byte.
        byte[] inUid = bytes(BASE, "CfykLO1IT1nVRJhLA3", new byte[] {'C', (byte) 0xC3, '(', 'x'});
        assertSkipped(SkipReason.INVALID_UTF8, reader.read(line(inUid)), "Invalid UTF-8");
        byte[] lone = bytes(BASE, "CfykLO1IT1nVRJhLA3", new byte[] {'C', (byte) 0xFF, 'x'});
        assertSkipped(SkipReason.INVALID_UTF8, reader.read(line(lone)));
        // The same bytes inside a key flowscore skips are caught as the parser steps over them.
        byte[] inSkipped = bytes(BASE, "}", new byte[] {',', '"', 'n', '"', ':', '"', (byte) 0xC3, '(', '"', '}'});
        assertSkipped(SkipReason.INVALID_UTF8, reader.read(line(inSkipped)));
    }

    @Test
    void binaryGarbageWithNulsIsBinaryData() {
        byte[] garbage = {0x1f, (byte) 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, (byte) 0xed, 0x5d};
        assertSkipped(SkipReason.BINARY_DATA, reader.read(line(garbage)), "0x1f at byte 0");
        byte[] nulsAfterObject = bytes(BASE, "}", new byte[] {'}', 0, 0, 0});
        assertSkipped(SkipReason.BINARY_DATA, reader.read(line(nulsAfterObject)), "0x00 at byte");
        // A NUL where a key should be: outside any string.
        byte[] nulBetweenKeys = bytes(BASE, ",\"uid\"", new byte[] {',', 0, '"', 'u', 'i', 'd', '"'});
        assertSkipped(SkipReason.BINARY_DATA, reader.read(line(nulBetweenKeys)));
    }

    @Test
    void controlByteInsideAStringIsMalformedJsonNotBinary() {
        byte[] nulInUid = bytes(BASE, "CfykLO1IT1nVRJhLA3", new byte[] {'C', 0, 'x'});
        assertSkipped(SkipReason.MALFORMED_JSON, reader.read(line(nulInUid)));
        // An escaped quote must not end the string for the binary scan.
        byte[] afterEscapedQuote = bytes(BASE, "CfykLO1IT1nVRJhLA3", new byte[] {'C', '\\', '"', 0, 'x'});
        assertSkipped(SkipReason.MALFORMED_JSON, reader.read(line(afterEscapedQuote)));
    }

    @Test
    void notAnObject() {
        assertSkipped(SkipReason.MALFORMED_JSON, reader.read(line("[" + BASE + "]")), "START_ARRAY");
        assertSkipped(SkipReason.MALFORMED_JSON, reader.read(line("42")));
        assertSkipped(SkipReason.MALFORMED_JSON, reader.read(line("\"conn\"")));
        assertSkipped(SkipReason.MALFORMED_JSON, reader.read(line("#fields\tts\tuid")));
        assertSkipped(SkipReason.MALFORMED_JSON, reader.read(line(BASE + BASE)), "more after");
        assertSkipped(SkipReason.MALFORMED_JSON, reader.read(line(BASE + " x")));
    }

    @Test
    void missingOriginatorAddress() {
        assertSkipped(SkipReason.MISSING_FIELD, reader.read(line(BASE.replace("\"id.orig_h\":\"192.168.1.9\",", ""))),
                "no id.orig_h");
        assertSkipped(SkipReason.MISSING_FIELD, reader.read(line(BASE.replace("\"192.168.1.9\"", "null"))),
                "no id.orig_h");
    }

    @Test
    void notAnAddress() {
        assertSkipped(SkipReason.BAD_ADDRESS, reader.read(line(BASE.replace("192.168.1.9", "host.example"))));
    }

    // ---- helpers --------------------------------------------------------------------------------------

    /** Splits a shared data file into SourceLines the way a line source would: LF-terminated, CR dropped. */
    private static List<SourceLine> lines(String relative) throws IOException {
        byte[] all = Files.readAllBytes(SharedData.require(relative));
        List<SourceLine> out = new ArrayList<>();
        int start = 0;
        while (start < all.length) {
            int lf = start;
            while (lf < all.length && all[lf] != '\n') {
                lf++;
            }
            int end = lf > start && all[lf - 1] == '\r' ? lf - 1 : lf;
            int next = Math.min(lf + 1, all.length);
            out.add(new SourceLine(out.size() + 1, start, next, Arrays.copyOfRange(all, start, end), false));
            start = next;
        }
        return out;
    }

    private static SourceLine line(String text) {
        return line(text.getBytes(StandardCharsets.UTF_8));
    }

    private static SourceLine line(byte[] bytes) {
        return new SourceLine(1, 0, bytes.length + 1, bytes, false);
    }

    /** The UTF-8 of {@code text} with the first {@code target} replaced by raw bytes. */
    private static byte[] bytes(String text, String target, byte[] replacement) {
        int at = text.indexOf(target);
        assertTrue(at >= 0, target);
        var out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(replacement);
        out.writeBytes(text.substring(at + target.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private Connection parsed(String json) {
        return parsed(line(json));
    }

    private Connection parsed(SourceLine line) {
        LineOutcome outcome = reader.read(line);
        return assertInstanceOf(LineOutcome.Parsed.class, outcome, outcome::toString).connection();
    }

    private static void assertSkipped(SkipReason reason, LineOutcome outcome) {
        LineOutcome.Skipped skipped = assertInstanceOf(LineOutcome.Skipped.class, outcome, outcome::toString);
        assertEquals(reason, skipped.reason(), skipped::toString);
    }

    private static void assertSkipped(SkipReason reason, LineOutcome outcome, String detailPart) {
        assertSkipped(reason, outcome);
        String detail = ((LineOutcome.Skipped) outcome).detail();
        assertTrue(detail.contains(detailPart), () -> "detail '" + detail + "' lacks '" + detailPart + "'");
    }
}
