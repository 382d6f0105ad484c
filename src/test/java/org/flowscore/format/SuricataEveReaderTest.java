package org.flowscore.format;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.flowscore.flow.CommunityId;
import org.flowscore.flow.Connection;
import org.flowscore.flow.Traffic;
import org.flowscore.flow.Transport;
import org.junit.jupiter.api.Test;

/** Hand-written events for the rules real data does not reach. */
class SuricataEveReaderTest {

    /** The first flow event of slips-test6 (line 90), for variations. */
    static final String UDP_FLOW = "{\"timestamp\":\"2021-06-06T15:57:37.272281+0200\",\"flow_id\":445348883402532,"
            + "\"event_type\":\"flow\",\"src_ip\":\"192.168.1.132\",\"src_port\":1900,\"dest_ip\":\"192.168.1.129\","
            + "\"dest_port\":44232,\"proto\":\"UDP\",\"app_proto\":\"failed\",\"flow\":{\"pkts_toserver\":12,"
            + "\"pkts_toclient\":0,\"bytes_toserver\":4056,\"bytes_toclient\":0,"
            + "\"start\":\"2021-06-06T16:38:55.855844+0200\",\"end\":\"2021-06-06T16:38:56.963027+0200\",\"age\":1,"
            + "\"state\":\"new\",\"reason\":\"timeout\",\"alerted\":false},\"host\":\"stratosphere.org\"}";

    private final SuricataEveReader reader = new SuricataEveReader(ReaderContext.defaults());

    /**
     * Shape of Suricata's netflow output (output-json-netflow.c): one direction per event, {@code netflow.pkts/
     * bytes/start/end}, and a {@code tcp} object holding only that direction's flags.
     */
    @Test
    void netflowEventIsOneDirectionWithNothingBack() {
        Connection c = parsed("{\"timestamp\":\"2017-03-22T13:10:04.000407+0100\",\"flow_id\":1209541442283180,"
                + "\"event_type\":\"netflow\",\"src_ip\":\"10.0.0.5\",\"src_port\":49152,\"dest_ip\":\"93.184.216.34\","
                + "\"dest_port\":80,\"proto\":\"TCP\",\"app_proto\":\"http\",\"netflow\":{\"pkts\":6,\"bytes\":616,"
                + "\"start\":\"2017-03-22T13:09:57.533462+0100\",\"end\":\"2017-03-22T13:09:57.723112+0100\","
                + "\"age\":0,\"min_ttl\":64,\"max_ttl\":64},"
                + "\"tcp\":{\"tcp_flags\":\"1b\",\"syn\":true,\"fin\":true,\"psh\":true,\"ack\":true}}");
        assertAll(
                () -> assertEquals(Traffic.NONE, c.resp()),
                // 616 - 14*6 = 532 IP bytes; 532 - 6*(20 + 32) = 220 payload: the sender did ACK, so data flowed
                () -> assertEquals(new Traffic(220, 6, 532), c.orig()),
                () -> assertEquals("SH", c.connState(), "SYN+FIN seen, nothing back in this direction"),
                () -> assertEquals(189_650L, c.durationMicros()),
                () -> assertEquals("http", c.service()),
                () -> assertEquals("1209541442283180", c.recordId()),
                () -> assertEquals(Transport.TCP, c.transport()));
    }

    @Test
    void netflowSynProbeWithoutAckHasNoPayload() {
        Connection c = parsed("{\"event_type\":\"netflow\",\"src_ip\":\"10.0.0.5\",\"src_port\":40000,"
                + "\"dest_ip\":\"10.0.0.9\",\"dest_port\":22,\"proto\":\"TCP\",\"app_proto\":\"unknown\","
                + "\"netflow\":{\"pkts\":3,\"bytes\":180,\"start\":\"2017-03-22T13:09:57.533462+0100\"},"
                + "\"tcp\":{\"tcp_flags\":\"02\",\"syn\":true}}");
        assertEquals(new Traffic(0, 3, 138), c.orig());
        assertEquals("S0", c.connState());
        assertNull(c.service(), "netflow writes 'unknown' when no protocol was detected");
        assertEquals(0, c.durationMicros(), "no end: duration 0");
    }

    @Test
    void eventTypeMayComeLast() {
        String withoutType = UDP_FLOW.replace("\"event_type\":\"flow\",", "");
        String reordered = withoutType.substring(0, withoutType.length() - 1) + ",\"event_type\":\"flow\"}";
        assertEquals(parsed(UDP_FLOW), parsed(reordered));
    }

    @Test
    void otherEventsAreCountedByTypeEvenWithOddFlowObjects() {
        String alert = UDP_FLOW.replace("\"event_type\":\"flow\"", "\"event_type\":\"alert\"")
                .replace("\"pkts_toserver\":12", "\"pkts_toserver\":\"lots\"");
        assertEquals(new LineOutcome.NotAConnection("alert"), reader.read(EveTestLines.line(alert)));
        assertEquals(new LineOutcome.NotAConnection("blank"), reader.read(EveTestLines.line("  ")));
        // state from the alert must not leak into the next event
        assertEquals(new Traffic(3552, 12, 3888), parsed(UDP_FLOW).orig());
    }

    @Test
    void tcpHandshakeKeepsThePayloadEstimate() {
        Connection c = parsed(tcpFlow("1b", "1b", "\"urg\":false"));
        assertEquals("SF", c.connState());
        // to server 10 frames 1540 B: 1400 IP, 1400 - 10*52 = 880; to client 8 frames 912 B: 800 IP, 800 - 8*52 = 384
        assertEquals(new Traffic(880, 10, 1400), c.orig());
        assertEquals(new Traffic(384, 8, 800), c.resp());
        assertEquals(0, c.urgentPackets());
        assertEquals("http", c.service());
    }

    @Test
    void noHandshakeMeansNoPayloadOnEitherSide() {
        Connection c = parsed(tcpFlow("18", "18", "\"ack\":true"));
        assertEquals("OTH", c.connState());
        assertEquals(new Traffic(0, 10, 1400), c.orig());
        assertEquals(new Traffic(0, 8, 800), c.resp());
    }

    @Test
    void urgentFromTheBooleanOrTheFlagBit() {
        assertEquals(1, parsed(tcpFlow("1b", "1b", "\"urg\":true")).urgentPackets());
        assertEquals(1, parsed(tcpFlow("3b", "1b", "\"ack\":true")).urgentPackets());
        assertEquals(1, parsed(tcpFlow("1b", "1b", "\"tcp_flags\":\"3b\"")).urgentPackets());
        Connection odd = parsed(tcpFlow("1b", "1b", "\"urg\":{\"odd\":[1]}"));
        assertEquals(0, odd.urgentPackets(), "a structure where a boolean belongs is skipped whole");
        assertEquals("SF", odd.connState());
    }

    @Test
    void icmpTypeAndCodeTakeThePortSlots() {
        Connection c = parsed("{\"flow_id\":7,\"event_type\":\"flow\",\"src_ip\":\"10.0.0.1\",\"dest_ip\":\"10.0.0.2\","
                + "\"proto\":\"ICMP\",\"icmp_type\":8,\"icmp_code\":0,\"flow\":{\"pkts_toserver\":4,"
                + "\"pkts_toclient\":4,\"bytes_toserver\":392,\"bytes_toclient\":392,"
                + "\"start\":\"2021-06-06T16:38:55.000000+0000\",\"end\":\"2021-06-06T16:38:58.000000+0000\"}}");
        assertAll(
                () -> assertEquals(Transport.ICMP, c.transport()),
                () -> assertEquals(8, c.key().sourcePort()),
                () -> assertEquals(0, c.key().destinationPort()),
                () -> assertEquals("OTH", c.connState()),
                // 392 - 56 = 336 IP bytes; 336 - 4*(20 + 8) = 224 payload
                () -> assertEquals(new Traffic(224, 4, 336), c.orig()),
                () -> assertEquals(3_000_000L, c.durationMicros()),
                () -> assertEquals(new CommunityId(0).hash(1, "10.0.0.1", "10.0.0.2", 8, 0), c.communityId()));
    }

    @Test
    void otherProtocolsKeepTheirNumber() {
        assertEquals(47, otherProto("\"047\"").key().ipProto());
        assertEquals(47, otherProto("\"GRE\"").key().ipProto());
        assertEquals(0, otherProto("\"XYZZY\"").key().ipProto());
        assertEquals(Transport.OTHER, otherProto("\"047\"").transport());
        assertEquals(Transport.UDP, parsed(UDP_FLOW.replace("\"UDP\"", "\"017\"")).transport());
    }

    @Test
    void communityIdIsComputedWithTheConfiguredSeedNotCopied() {
        String withId = UDP_FLOW.replace("\"host\"", "\"community_id\":\"1:bcyX53b/RUleHxS5hfY92go8li8=\",\"host\"");
        SuricataEveReader seeded = new SuricataEveReader(new ReaderContext("probe-1", new CommunityId(1)));
        Connection c = assertInstanceOf(LineOutcome.Parsed.class, seeded.read(EveTestLines.line(withId))).connection();
        // seed 1, computed apart from this code (Python hashlib)
        assertEquals("1:gRs2XhjptNE2ygelxozQ1H057Vk=", c.communityId());
        assertEquals("probe-1", c.sensor());
    }

    @Test
    void flowIdBeyondLongStaysExact() {
        assertEquals("18446744073709551615",
                parsed(UDP_FLOW.replace("445348883402532", "18446744073709551615")).recordId());
    }

    static String tcpFlow(String ts, String tc, String extraTcp) {
        return "{\"flow_id\":1,\"event_type\":\"flow\",\"src_ip\":\"10.0.0.1\",\"src_port\":50000,"
                + "\"dest_ip\":\"10.0.0.2\",\"dest_port\":80,\"proto\":\"TCP\",\"app_proto\":\"http\","
                + "\"flow\":{\"pkts_toserver\":10,\"pkts_toclient\":8,\"bytes_toserver\":1540,\"bytes_toclient\":912,"
                + "\"start\":\"2021-06-06T16:38:55.000000+0000\",\"end\":\"2021-06-06T16:38:56.000000+0000\"},"
                + "\"tcp\":{\"tcp_flags_ts\":\"" + ts + "\",\"tcp_flags_tc\":\"" + tc + "\"," + extraTcp + "}}";
    }

    private Connection otherProto(String proto) {
        return parsed("{\"event_type\":\"flow\",\"src_ip\":\"10.0.0.1\",\"dest_ip\":\"10.0.0.2\",\"proto\":" + proto
                + ",\"flow\":{\"pkts_toserver\":1,\"bytes_toserver\":100,\"start\":\"2021-06-06T16:38:55Z\"}}");
    }

    private Connection parsed(String json) {
        LineOutcome outcome = reader.read(EveTestLines.line(json));
        return assertInstanceOf(LineOutcome.Parsed.class, outcome, outcome::toString).connection();
    }
}
