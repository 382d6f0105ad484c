package org.flowscore.capture.flowtable;

import static org.flowscore.flow.TcpFlags.ACK;
import static org.flowscore.flow.TcpFlags.FIN;
import static org.flowscore.flow.TcpFlags.PSH;
import static org.flowscore.flow.TcpFlags.RST;
import static org.flowscore.flow.TcpFlags.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flowscore.flow.CommunityId;
import org.flowscore.flow.Connection;
import org.flowscore.flow.Transport;
import org.junit.jupiter.api.Test;

/** Hand-built packet sequences whose Zeek conn.log values are worked out by hand. */
class FlowTableTest {
    private static final InetAddress CLIENT = address("10.0.0.1");
    private static final InetAddress SERVER = address("10.0.0.2");
    private static final long T0 = 1_700_000_000_000_000L;
    private static final long CLIENT_ISN = 4_294_967_000L; // wraps past 2^32 during the data
    private static final long SERVER_ISN = 1_000L;

    private final List<Connection> out = new ArrayList<>();
    private FlowTable table = new FlowTable(FlowTimeouts.ZEEK, new ConnectionRecords("t", new CommunityId(0)), out::add);

    @Test
    void handshakeDataAndCloseIsSfWithPayloadFromSequenceNumbers() {
        c(0, SYN, CLIENT_ISN, 0, 0);
        s(1, SYN | ACK, SERVER_ISN, CLIENT_ISN + 1, 0);
        c(2, ACK, CLIENT_ISN + 1, SERVER_ISN + 1, 0);
        c(3, PSH | ACK, CLIENT_ISN + 1, SERVER_ISN + 1, 500);
        c(4, PSH | ACK, CLIENT_ISN + 501, SERVER_ISN + 1, 300);
        s(5, PSH | ACK, SERVER_ISN + 1, CLIENT_ISN + 801, 1000);
        c(6, FIN | ACK, CLIENT_ISN + 801, SERVER_ISN + 1001, 0);
        s(7, FIN | ACK, SERVER_ISN + 1001, CLIENT_ISN + 802, 0);
        c(8, ACK, CLIENT_ISN + 802, SERVER_ISN + 1002, 0);
        table.flush();

        Connection conn = only();
        assertEquals("SF", conn.connState());
        assertEquals("ShADdFf", conn.history());
        assertEquals(800, conn.orig().payloadBytes());
        assertEquals(1000, conn.resp().payloadBytes());
        assertEquals(6, conn.orig().packets());
        assertEquals(3, conn.resp().packets());
        assertEquals(6 * 40 + 800, conn.orig().ipBytes());
        assertEquals("10.0.0.1", conn.key().sourceIp());
        assertEquals(80, conn.key().destinationPort());
        assertEquals(8_000_000, conn.durationMicros());
    }

    @Test
    void synAnsweredByResetIsRej() {
        c(0, SYN, CLIENT_ISN, 0, 0);
        s(1, RST | ACK, 0, CLIENT_ISN + 1, 0);
        table.flush();
        assertEquals("REJ", only().connState());
        assertEquals("Sr", only().history());
    }

    @Test
    void unansweredSynIsS0AndRetransmittedSynAtTheSameSequenceIsOneLetter() {
        c(0, SYN, CLIENT_ISN, 0, 0);
        c(3, SYN, CLIENT_ISN, 0, 0);
        table.flush();
        assertEquals("S0", only().connState());
        assertEquals("S", only().history());
        assertEquals(2, only().orig().packets());
        assertEquals(0, only().orig().payloadBytes());
    }

    @Test
    void originatorAbortingAnEstablishedConnectionIsRsto() {
        c(0, SYN, CLIENT_ISN, 0, 0);
        s(1, SYN | ACK, SERVER_ISN, CLIENT_ISN + 1, 0);
        c(2, ACK, CLIENT_ISN + 1, SERVER_ISN + 1, 0);
        c(3, PSH | ACK, CLIENT_ISN + 1, SERVER_ISN + 1, 10);
        c(4, RST, CLIENT_ISN + 11, 0, 0);
        table.flush();
        assertEquals("RSTO", only().connState());
        assertEquals(10, only().orig().payloadBytes());
    }

    @Test
    void firstPacketSynAckMakesItsSenderTheResponder() {
        s(0, SYN | ACK, SERVER_ISN, CLIENT_ISN + 1, 0);
        c(1, ACK, CLIENT_ISN + 1, SERVER_ISN + 1, 0);
        table.flush();
        assertEquals("10.0.0.1", only().key().sourceIp());
        assertEquals("^hA", only().history());
    }

    @Test
    void closedConnectionIsEmittedAfterTheCloseDelayAndALaterSynStartsANewOne() {
        c(0, SYN, CLIENT_ISN, 0, 0);
        s(1, RST | ACK, 0, CLIENT_ISN + 1, 0);
        udp(5, CLIENT, 5000, SERVER, 53, 10);
        assertEquals(0, out.size(), "kept 5 s after the reset for trailing packets");
        udp(7, CLIENT, 5000, SERVER, 53, 10);
        assertEquals(1, out.size(), "emitted once the close delay passed");
        c(8, SYN, CLIENT_ISN + 7, 0, 0);
        c(9, SYN, CLIENT_ISN + 7, 0, 0);
        s(9, RST | ACK, 0, CLIENT_ISN + 8, 0);
        c(9, SYN, CLIENT_ISN + 7, 0, 0);
        assertEquals(2, out.size(), "a SYN on a reset connection starts a new one");
        assertEquals("REJ", out.get(1).connState());
        assertEquals(2, out.get(1).orig().packets());
    }

    @Test
    void idleConnectionsTimeOutPerTransport() {
        table = new FlowTable(FlowTimeouts.ZEEK.withInactivity(Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(10)), new ConnectionRecords("t", new CommunityId(0)), out::add);
        c(0, SYN, CLIENT_ISN, 0, 0);
        udp(0, CLIENT, 5000, SERVER, 53, 40);
        udp(1, SERVER, 53, CLIENT, 5000, 100);
        udp(12, CLIENT, 6000, SERVER, 53, 40);
        assertEquals(1, out.size(), "the UDP connection idle for 11 s of a 10 s timeout");
        assertEquals(Transport.UDP, out.getFirst().transport());
        assertEquals("SF", out.getFirst().connState());
        assertEquals(40, out.getFirst().orig().payloadBytes());
        assertEquals(100, out.getFirst().resp().payloadBytes());
        udp(31, CLIENT, 7000, SERVER, 53, 40);
        assertEquals(3, out.size(), "TCP after 31 s idle, the second UDP after 19 s");
        assertEquals("S0", out.get(1).connState());
        assertEquals(1, table.tracked());
    }

    @Test
    void synFloodStaysWithinTheCapAndEvictionsAreCounted() {
        table = new FlowTable(FlowTimeouts.ZEEK.withMaxConnections(100), new ConnectionRecords("t", new CommunityId(0)),
                out::add);
        for (int port = 1024; port < 1024 + 10_000; port++) {
            table.accept(PacketInfo.tcp(T0 + port, CLIENT, port, SERVER, 80, 40, 0, SYN, port, 0, 1024));
        }
        assertEquals(100, table.tracked());
        assertEquals(9_900, table.evicted());
        assertEquals(9_900, out.size());
        assertEquals(1024, out.getFirst().key().sourcePort(), "the longest idle goes first");
        assertTrue(out.stream().allMatch(c -> "S0".equals(c.connState())));
        table.flush();
        assertEquals(10_000, out.size(), "nothing is lost");
    }

    @Test
    void echoRequestAndReplyAreOneIcmpConnection() {
        table.accept(PacketInfo.icmp(T0, 1, CLIENT, SERVER, 8, 0, 84, 56));
        table.accept(PacketInfo.icmp(T0 + 1000, 1, SERVER, CLIENT, 0, 0, 84, 56));
        table.flush();
        Connection conn = only();
        assertEquals(8, conn.key().sourcePort());
        assertEquals(0, conn.key().destinationPort());
        assertEquals(1, conn.orig().packets());
        assertEquals(1, conn.resp().packets());
        assertEquals(56, conn.resp().payloadBytes());
        assertEquals("OTH", conn.connState());
    }

    @Test
    void zeroDurationConnectionHasNoPayloadBytesAsInZeek() {
        udp(0, CLIENT, 5353, address("224.0.0.251"), 5353, 45);
        table.flush();
        assertEquals("S0", only().connState());
        assertEquals("D", only().history());
        assertEquals(0, only().orig().payloadBytes());
        assertEquals(73, only().orig().ipBytes());
    }

    private Connection only() {
        assertEquals(1, out.size(), () -> "connections: " + out);
        return out.getFirst();
    }

    private void c(int second, int flags, long seq, long ack, int payload) {
        table.accept(PacketInfo.tcp(T0 + second * 1_000_000L, CLIENT, 40000, SERVER, 80, 40 + payload, payload, flags,
                seq & 0xffffffffL, ack & 0xffffffffL, 1024));
    }

    private void s(int second, int flags, long seq, long ack, int payload) {
        table.accept(PacketInfo.tcp(T0 + second * 1_000_000L, SERVER, 80, CLIENT, 40000, 40 + payload, payload, flags,
                seq & 0xffffffffL, ack & 0xffffffffL, 1024));
    }

    private void udp(int second, InetAddress from, int fromPort, InetAddress to, int toPort, int payload) {
        table.accept(PacketInfo.udp(T0 + second * 1_000_000L, from, fromPort, to, toPort, 28 + payload, payload));
    }

    private static InetAddress address(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
