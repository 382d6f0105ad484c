package org.flowscore.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One row per return statement of the notes §2.3 algorithm. Flags are Suricata's hex bytes:
 * FIN 01, SYN 02, RST 04, PSH 08, ACK 10, URG 20.
 */
class SuricataConnStateTest {

    @ParameterizedTest(name = "{0}: ts={1} tc={2} pkts_toclient={3} -> {4}")
    @CsvSource(delimiter = '|', value = {
            // no SYN from the originator
            "responder SYN-ACK then RST | 10 | 16 | 2 | RSTRH",
            "responder SYN-ACK then FIN | 10 | 13 | 2 | SHR",
            "responder SYN-ACK only | 10 | 12 | 1 | OTH",
            "midstream: no SYN either way | 18 | 18 | 5 | OTH",
            // SYN sent, never answered
            "SYN then own RST, no reply | 06 | 00 | 0 | RSTOS0",
            "SYN then own FIN, no reply | 03 | 00 | 0 | SH",
            "bare SYN, no reply | 02 | 00 | 0 | S0",
            "reply packets but no flags recorded | 02 | 00 | 3 | S0",
            // answered without a handshake
            "SYN answered by RST-ACK | 02 | 14 | 1 | REJ",
            "SYN answered by a bare ACK | 02 | 10 | 1 | OTH",
            // handshake completed
            "responder reset | 1a | 16 | 4 | RSTR",
            "both reset: responder wins as in Zeek | 16 | 16 | 4 | RSTR",
            "originator reset | 16 | 12 | 4 | RSTO",
            "both FIN | 1b | 1b | 6 | SF",
            "only originator FIN | 1b | 12 | 6 | S2",
            "only responder FIN | 12 | 13 | 6 | S3",
            "established, timed out | 1a | 1a | 6 | S1",
    })
    void tcpRule(String rule, String ts, String tc, long responderPackets, String expected) {
        assertEquals(expected, SuricataConnState.tcp(hex(ts), hex(tc), responderPackets), rule);
        assertEquals(expected, SuricataConnState.of(Transport.TCP, hex(ts), hex(tc), responderPackets), rule);
    }

    @Test
    void udpAndOtherTransportsAreAnsweredOrNot() {
        assertEquals("SF", SuricataConnState.of(Transport.UDP, 0, 0, 1));
        assertEquals("S0", SuricataConnState.of(Transport.UDP, 0, 0, 0));
        assertEquals("SF", SuricataConnState.of(Transport.SCTP, 0, 0, 3));
        assertEquals("S0", SuricataConnState.of(Transport.OTHER, 0, 0, 0));
    }

    @Test
    void icmpIsAlwaysOthAsInZeek() {
        assertEquals("OTH", SuricataConnState.of(Transport.ICMP, 0, 0, 0));
        assertEquals("OTH", SuricataConnState.of(Transport.ICMP, 0, 0, 5));
        assertEquals("OTH", SuricataConnState.of(Transport.ICMPV6, 0, 0, 5));
    }

    @Test
    void handshakeNeverCompletedOnlyWhereNoDataCanFlow() {
        for (String s : new String[] {"S0", "REJ", "RSTOS0", "SH", "RSTRH", "SHR"}) {
            assertTrue(SuricataConnState.handshakeNeverCompleted(s, hex("16")), s);
        }
        assertTrue(SuricataConnState.handshakeNeverCompleted("OTH", hex("18")), "OTH without SYN-ACK");
        assertFalse(SuricataConnState.handshakeNeverCompleted("OTH", hex("12")), "OTH after a SYN-ACK");
        for (String s : new String[] {"S1", "SF", "S2", "S3", "RSTO", "RSTR"}) {
            assertFalse(SuricataConnState.handshakeNeverCompleted(s, hex("12")), s);
        }
    }

    private static int hex(String s) {
        return Integer.parseInt(s, 16);
    }
}
