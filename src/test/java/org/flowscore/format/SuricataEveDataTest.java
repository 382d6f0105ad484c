package org.flowscore.format;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flowscore.flow.Connection;
import org.flowscore.flow.SourceFormat;
import org.flowscore.flow.Traffic;
import org.flowscore.flow.Transport;
import org.flowscore.source.SourceLine;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;

/** Real Suricata output: every line accounted for, and records checked field by field against the text. */
class SuricataEveDataTest {

    private static final String SLIPS = "suricata/slips-test6/eve.json";
    private static final String ZEUS = "pcap/zeus-suricata/eve.json";

    @Test
    void slipsTest6HasEveryFlowAndCountsEveryOtherEvent() throws IOException {
        Tally t = tally(SLIPS);
        assertEquals(5000, t.lines);
        assertEquals(3512, t.parsed);
        assertEquals(Map.of("alert", 745, "dns", 680, "tls", 1, "http", 56, "fileinfo", 3, "anomaly", 3), t.other);
        assertEquals(Map.of(), t.skipped);
    }

    @Test
    void zeusHasEveryFlowAndCountsEveryOtherEvent() throws IOException {
        Tally t = tally(ZEUS);
        assertEquals(869, t.lines);
        assertEquals(205, t.parsed);
        assertEquals(Map.of("alert", 656, "dns", 1, "dhcp", 6, "stats", 1), t.other);
        assertEquals(Map.of(), t.skipped);
    }

    /**
     * Line 90, the first flow event:
     * {@code "flow_id":445348883402532, 192.168.1.132:1900 -> 192.168.1.129:44232 UDP, app_proto failed,
     * pkts 12/0, bytes 4056/0, start 2021-06-06T16:38:55.855844+0200, end 2021-06-06T16:38:56.963027+0200}.
     * The event carries no {@code community_id}, so the expected value was computed apart from this code
     * (Python hashlib over the spec's byte layout).
     */
    @Test
    void firstFlowOfSlipsTest6FieldByField() throws IOException {
        SourceLine line = EveTestLines.read(SharedData.require(SLIPS)).get(89);
        String text = new String(line.bytes(), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"flow_id\":445348883402532,\"event_type\":\"flow\""), text);
        assertFalse(text.contains("community_id"));

        Connection c = parse(line);
        assertAll(
                // 2021-06-06T14:38:55.855844Z
                () -> assertEquals(1_622_990_335_855_844L, c.startMicros()),
                () -> assertEquals(1_107_183L, c.durationMicros()),
                () -> assertEquals("445348883402532", c.recordId()),
                () -> assertEquals("192.168.1.132", c.key().sourceIp()),
                () -> assertEquals(1900, c.key().sourcePort()),
                () -> assertEquals("192.168.1.129", c.key().destinationIp()),
                () -> assertEquals(44232, c.key().destinationPort()),
                () -> assertEquals(Transport.UDP, c.transport()),
                () -> assertEquals(17, c.key().ipProto()),
                () -> assertNull(c.service(), "app_proto 'failed' means no service"),
                // 4056 - 14*12 = 3888 IP bytes; 3888 - 12*(20 + 8) = 3552 payload
                () -> assertEquals(new Traffic(3552, 12, 3888), c.orig()),
                () -> assertEquals(new Traffic(0, 0, 0), c.resp()),
                () -> assertEquals("S0", c.connState()),
                () -> assertNull(c.history()),
                // EVE has no local flags: both ends are in 192.168.0.0/16, local by the default local networks.
                () -> assertEquals(Boolean.TRUE, c.localOrig()),
                () -> assertEquals(Boolean.TRUE, c.localResp()),
                () -> assertEquals(0, c.urgentPackets()),
                () -> assertEquals(0, c.missedBytes()),
                () -> assertTrue(c.payloadEstimated()),
                () -> assertEquals("1:bcyX53b/RUleHxS5hfY92go8li8=", c.communityId()),
                () -> assertEquals(SourceFormat.SURICATA_EVE, c.format()),
                () -> assertEquals(ReaderContext.DEFAULT_SENSOR, c.sensor()),
                () -> assertNull(c.truth()));
    }

    /**
     * Line 120, the first TCP flow: a SYN to port 445 answered by RST-ACK ({@code tcp_flags_ts "02"},
     * {@code tcp_flags_tc "14"}), two 60-byte frames each way: REJ, and no payload on either side.
     */
    @Test
    void firstTcpFlowOfSlipsTest6IsARejectWithoutPayload() throws IOException {
        SourceLine line = EveTestLines.read(SharedData.require(SLIPS)).get(119);
        assertTrue(new String(line.bytes(), StandardCharsets.UTF_8).contains("\"flow_id\":2232403389523415,"));

        Connection c = parse(line);
        assertAll(
                () -> assertEquals(1_622_993_671_140_759L, c.startMicros()),
                () -> assertEquals(253L, c.durationMicros()),
                () -> assertEquals("2232403389523415", c.recordId()),
                () -> assertEquals(Transport.TCP, c.transport()),
                () -> assertEquals("91.238.203.56", c.key().sourceIp()),
                () -> assertEquals(48938, c.key().sourcePort()),
                () -> assertEquals(445, c.key().destinationPort()),
                () -> assertEquals("REJ", c.connState()),
                () -> assertEquals(new Traffic(0, 2, 92), c.orig()),
                () -> assertEquals(new Traffic(0, 2, 92), c.resp()),
                () -> assertEquals("1:6Twig42CQfoBGokg3EcuShP9D04=", c.communityId()));
    }

    /** An IPv6-ICMP flow without ports: type and code take the port slots. */
    @Test
    void zeusIcmpv6FlowPutsTypeAndCodeInThePorts() throws IOException {
        SourceLine line = EveTestLines.read(SharedData.require(ZEUS)).stream()
                .filter(l -> new String(l.bytes(), StandardCharsets.UTF_8).contains("\"flow_id\":824697914111084,"))
                .findFirst().orElseThrow();
        Connection c = parse(line);
        assertAll(
                () -> assertEquals(Transport.ICMPV6, c.transport()),
                () -> assertEquals(58, c.key().ipProto()),
                () -> assertEquals("fe80:0000:0000:0000:8810:3337:f1e3:ebc7", c.key().sourceIp()),
                () -> assertEquals(143, c.key().sourcePort()),
                () -> assertEquals(0, c.key().destinationPort()),
                () -> assertEquals("OTH", c.connState()),
                // 540 - 14*6 = 456 IP bytes; 456 - 6*(40 + 8) = 168 payload
                () -> assertEquals(new Traffic(168, 6, 456), c.orig()),
                () -> assertEquals(Traffic.NONE, c.resp()),
                () -> assertEquals(692_415L, c.durationMicros()));
    }

    private static Connection parse(SourceLine line) {
        LineOutcome outcome = new SuricataEveReader(ReaderContext.defaults()).read(line);
        return assertInstanceOf(LineOutcome.Parsed.class, outcome, outcome::toString).connection();
    }

    private static Tally tally(String file) throws IOException {
        List<SourceLine> lines = EveTestLines.read(SharedData.require(file));
        SuricataEveReader reader = new SuricataEveReader(ReaderContext.defaults());
        Tally t = new Tally();
        for (SourceLine line : lines) {
            t.lines++;
            switch (reader.read(line)) {
                case LineOutcome.Parsed p -> t.parsed++;
                case LineOutcome.NotAConnection n -> t.other.merge(n.kind(), 1, Integer::sum);
                case LineOutcome.Skipped s -> t.skipped.merge(s.reason() + ": " + s.detail(), 1, Integer::sum);
            }
        }
        return t;
    }

    private static final class Tally {
        int lines;
        int parsed;
        final Map<String, Integer> other = new TreeMap<>();
        final Map<String, Integer> skipped = new TreeMap<>();
    }
}
