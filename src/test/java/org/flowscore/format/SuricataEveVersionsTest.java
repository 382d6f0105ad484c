package org.flowscore.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.flowscore.flow.Connection;
import org.flowscore.flow.Traffic;
import org.flowscore.source.SourceLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One TCP connection as Suricata 6, 7 and 8 and a flattening shipper write its flow event: every form reads
 * to the same connection. 10 packets of 1,500 frame bytes to the server and 12 of 9,000 back: IP bytes
 * 1500 - 14*10 = 1360 and 9000 - 14*12 = 8832, payload estimates 1360 - 10*(20+32) = 840 and 8832 - 12*52 = 8208.
 */
class SuricataEveVersionsTest {
    private static final String TUPLE = "\"src_ip\":\"10.0.0.5\",\"src_port\":51000,\"dest_ip\":\"93.184.216.34\","
            + "\"dest_port\":443,\"proto\":\"TCP\"";
    private static final String COUNTS = "\"pkts_toserver\":10,\"pkts_toclient\":12,\"bytes_toserver\":1500,"
            + "\"bytes_toclient\":9000,\"start\":\"2023-09-13T10:00:01.000000+0000\","
            + "\"end\":\"2023-09-13T10:00:03.500000+0000\"";
    private static final String TCP = "\"tcp\":{\"tcp_flags\":\"1b\",\"tcp_flags_ts\":\"1b\",\"tcp_flags_tc\":\"1b\","
            + "\"syn\":true,\"fin\":true,\"psh\":true,\"ack\":true,\"state\":\"closed\"}";

    /** Suricata 6: app_proto, the flow object, the tcp object. */
    static final String V6 = "{\"timestamp\":\"2023-09-13T10:00:40.000000+0000\",\"flow_id\":1234567890123456,"
            + "\"event_type\":\"flow\"," + TUPLE + ",\"app_proto\":\"tls\",\"flow\":{" + COUNTS
            + ",\"age\":2,\"state\":\"closed\",\"reason\":\"timeout\",\"alerted\":false}," + TCP + "}";

    /** Suricata 7: in_iface, per-direction app_proto_ts, exception policies, tcp regions. */
    static final String V7 = "{\"timestamp\":\"2023-09-13T10:00:40.000000+0000\",\"flow_id\":1234567890123456,"
            + "\"in_iface\":\"eth0\",\"event_type\":\"flow\"," + TUPLE + ",\"app_proto\":\"tls\","
            + "\"app_proto_ts\":\"tls\",\"flow\":{" + COUNTS + ",\"age\":2,\"state\":\"closed\",\"reason\":\"timeout\","
            + "\"alerted\":false,\"exception_policy\":[{\"target\":\"stream_midstream\",\"policy\":\"ignore\"}]},"
            + TCP.replace("}", ",\"ts_max_regions\":1,\"tc_max_regions\":1}") + "}";

    /** Suricata 8: ip_v and pkt_src at the top, MAC arrays, tx_cnt in the flow object, flow_id as a string. */
    static final String V8 = "{\"timestamp\":\"2023-09-13T10:00:40.000000+0000\",\"flow_id\":\"1234567890123456\","
            + "\"in_iface\":\"eth0\",\"event_type\":\"flow\"," + TUPLE + ",\"ip_v\":4,\"pkt_src\":\"wire/pcap\","
            + "\"app_proto\":\"tls\",\"flow\":{" + COUNTS + ",\"age\":2,\"state\":\"closed\",\"reason\":\"timeout\","
            + "\"alerted\":false,\"tx_cnt\":1},\"ether\":{\"src_macs\":[\"00:0c:29:aa:bb:cc\"],"
            + "\"dest_macs\":[\"00:50:56:dd:ee:ff\"]}," + TCP + "}";

    /** A shipper that flattened the flow object into the event. */
    static final String FLATTENED = "{\"timestamp\":\"2023-09-13T10:00:40.000000+0000\",\"flow_id\":1234567890123456,"
            + "\"event_type\":\"flow\"," + TUPLE + ",\"app_proto\":\"tls\"," + COUNTS + ",\"age\":2," + TCP + "}";

    private final SuricataEveReader reader = new SuricataEveReader(ReaderContext.defaults());

    @ParameterizedTest(name = "{0}")
    @CsvSource({"V6", "V7", "V8", "FLATTENED"})
    void everyVersionReadsToTheSameConnection(String form) throws Exception {
        String event = (String) SuricataEveVersionsTest.class.getDeclaredField(form).get(null);
        Connection c = parsed(event);
        assertEquals(new Traffic(840, 10, 1360), c.orig());
        assertEquals(new Traffic(8208, 12, 8832), c.resp());
        assertEquals(2_500_000L, c.durationMicros());
        assertEquals("SF", c.connState());
        assertEquals("tls", c.service());
        assertEquals("1234567890123456", c.recordId());
        assertEquals(51000, c.key().sourcePort());
    }

    @Test
    void theFlowObjectWinsOverTopLevelCopies() {
        Connection c = parsed(V6.replace("\"app_proto\"", "\"pkts_toserver\":999,\"app_proto\""));
        assertEquals(10, c.orig().packets());
    }

    @Test
    void bypassedPacketsCountWithTheInspectedOnes() {
        // 5 more packets (700 frame bytes) each way went through a capture bypass: 15 packets, 2200 - 14*15 = 1990
        // IP bytes, 1990 - 15*52 = 1210 payload to the server; 17, 9700 - 238 = 9462, 9462 - 884 = 8578 back.
        Connection c = parsed(V7.replace("\"alerted\":false", "\"alerted\":false,\"bypassed\":{\"pkts_toserver\":5,"
                + "\"pkts_toclient\":5,\"bytes_toserver\":700,\"bytes_toclient\":700}"));
        assertEquals(new Traffic(1210, 15, 1990), c.orig());
        assertEquals(new Traffic(8578, 17, 9462), c.resp());
    }

    @Test
    void appProtoForms() {
        assertEquals("http", parsed(V6.replace("\"app_proto\":\"tls\"", "\"app_proto\":\"http1\"")).service());
        assertEquals("tls", parsed(V7.replace("\"app_proto\":\"tls\",", "")).service(),
                "no app_proto: what the client side detected");
        assertEquals("dns", parsed(V6.replace("\"app_proto\":\"tls\"",
                "\"app_proto\":\"failed\",\"app_proto_tc\":\"dns\"")).service());
        assertNull(parsed(V6.replace("\"app_proto\":\"tls\"", "\"app_proto\":\"failed\"")).service());
        assertNull(parsed(V6.replace("\"app_proto\":\"tls\"", "\"app_proto\":{\"name\":\"tls\"}")).service(),
                "an object where a name belongs says nothing");
    }

    @Test
    void aBadBypassedCountIsABadNumber() {
        LineOutcome outcome = reader.read(line(V7.replace("\"alerted\":false",
                "\"alerted\":false,\"bypassed\":{\"pkts_toserver\":\"many\"}")));
        LineOutcome.Skipped skipped = assertInstanceOf(LineOutcome.Skipped.class, outcome, outcome::toString);
        assertEquals(SkipReason.BAD_NUMBER, skipped.reason());
        assertEquals("flow.bypassed.pkts_toserver 'many'", skipped.detail());
    }

    private Connection parsed(String json) {
        LineOutcome outcome = reader.read(line(json));
        return assertInstanceOf(LineOutcome.Parsed.class, outcome, outcome::toString).connection();
    }

    private static SourceLine line(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new SourceLine(1, 0, bytes.length + 1, bytes, false);
    }
}
