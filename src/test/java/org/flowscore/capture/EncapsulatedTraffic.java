package org.flowscore.capture;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Generates small pcaps of one conversation (a TCP connection, a DNS exchange and an ICMP echo) sent through
 * each encapsulation Zeek decodes, for {@link EncapsulationAgreementTest}. Checksums are left 0: Zeek's
 * expected values are worked out as for {@code zeek -C}, and flowscore does not check them either.
 */
final class EncapsulatedTraffic {
    static final long T0 = 1_700_000_000_000_000L;

    static final String CLIENT_V4 = "10.1.0.1";
    static final String SERVER_V4 = "10.2.0.2";
    static final String DNS_V4 = "10.2.0.53";
    static final String CLIENT_V6 = "2001:db8:1::1";
    static final String SERVER_V6 = "2001:db8:2::2";
    static final String DNS_V6 = "2001:db8:2::53";
    /** The tunnel endpoints: A on the client's side, B on the server's. */
    static final String A = "192.0.2.1";
    static final String B = "198.51.100.2";
    static final String A6 = "2001:db8:a::1";
    static final String B6 = "2001:db8:b::2";

    private static final int SYN = 0x02;
    private static final int FIN = 0x01;
    private static final int PSH = 0x08;
    private static final int ACK = 0x10;

    /** One inner IP packet, and which way it goes. */
    record Inner(long tsMicros, boolean fromClient, byte[] ip) {
    }

    private EncapsulatedTraffic() {
    }

    /**
     * The conversation, 7 packets from the client and 5 back: TCP client:40000 to server:80 (handshake, 100
     * bytes up, 300 down, FIN both ways, last ACK), DNS client:33333 to dns:53 (30 bytes, answered with 60),
     * an ICMP echo of 56 data bytes and its reply.
     */
    static List<Inner> conversation(boolean ipv6) {
        String c = ipv6 ? CLIENT_V6 : CLIENT_V4;
        String s = ipv6 ? SERVER_V6 : SERVER_V4;
        String d = ipv6 ? DNS_V6 : DNS_V4;
        List<Inner> out = new ArrayList<>();
        out.add(tcp(0, true, c, s, SYN, 1000, 0, 0));
        out.add(tcp(10, false, s, c, SYN | ACK, 5000, 1001, 0));
        out.add(tcp(20, true, c, s, ACK, 1001, 5001, 0));
        out.add(tcp(30, true, c, s, PSH | ACK, 1001, 5001, 100));
        out.add(tcp(40, false, s, c, PSH | ACK, 5001, 1101, 300));
        out.add(tcp(50, true, c, s, FIN | ACK, 1101, 5301, 0));
        out.add(tcp(60, false, s, c, FIN | ACK, 5301, 1102, 0));
        out.add(tcp(70, true, c, s, ACK, 1102, 5302, 0));
        out.add(new Inner(at(100), true, ip(c, d, 17, udp(33333, 53, 30))));
        out.add(new Inner(at(110), false, ip(d, c, 17, udp(53, 33333, 60))));
        int icmp = ipv6 ? 58 : 1;
        out.add(new Inner(at(200), true, ip(c, s, icmp, icmpEcho(ipv6 ? 128 : 8, 56))));
        out.add(new Inner(at(210), false, ip(s, c, icmp, icmpEcho(ipv6 ? 129 : 0, 56))));
        return out;
    }

    /** Each encapsulation, as a function from an inner packet to the Ethernet frame on the wire. */
    enum Encapsulation {
        VLAN(false, i -> ethernet(0x8100, concat(tag(100, 0x0800), i.ip()))),
        QINQ(false, i -> ethernet(0x88A8, concat(tag(10, 0x8100), tag(200, 0x0800), i.ip()))),
        MPLS(false, i -> ethernet(0x8847, concat(label(1001, false), label(2002, true), i.ip()))),
        VLAN_MPLS(false, i -> ethernet(0x8100, concat(tag(7, 0x8847), label(3003, true), i.ip()))),
        MPLS_PSEUDOWIRE(false, i -> ethernet(0x8847, concat(label(4004, true), new byte[4], innerEthernet(i)))),
        PPPOE(false, i -> ethernet(0x8864, concat(pppoe(i.ip().length), i.ip()))),
        GRE(false, i -> outer4(i, 47, concat(gre(0x0000, 0x0800), i.ip()))),
        GRE_KEY_SEQ(false, i -> outer4(i, 47, concat(gre(0x3000, 0x0800), word(77), word(1), i.ip()))),
        GRE_ETHERNET(false, i -> outer4(i, 47, concat(gre(0x0000, 0x6558), innerEthernet(i)))),
        ERSPAN_1(false, i -> outer4(i, 47, concat(gre(0x0000, 0x88BE), innerEthernet(i)))),
        ERSPAN_2(false, i -> outer4(i, 47, concat(gre(0x1000, 0x88BE), word(5), new byte[8], innerEthernet(i)))),
        ERSPAN_3(false, i -> outer4(i, 47, concat(gre(0x1000, 0x22EB), word(6), erspan3(), new byte[8],
                innerEthernet(i)))),
        IP_IN_IP(false, i -> outer4(i, 4, i.ip())),
        SIX_IN_FOUR(true, i -> outer4(i, 41, i.ip())),
        FOUR_IN_SIX(false, i -> ethernet(0x86DD, i.fromClient() ? ip(A6, B6, 4, i.ip()) : ip(B6, A6, 4, i.ip()))),
        /** VXLAN: each side sends from port 49152 to the other's 4789, so each direction is its own connection. */
        VXLAN(false, i -> outerUdp(i, 49152, 4789, true, concat(new byte[] {0x08, 0, 0, 0, 0, 0, 42, 0},
                innerEthernet(i)))),
        /** Geneve with one 4-byte option, Ethernet inside, sent like VXLAN. */
        GENEVE(false, i -> outerUdp(i, 49152, 6081, true, concat(new byte[] {0x01, 0, 0x65, 0x58, 0, 0, 42, 0},
                word(0x01020300), innerEthernet(i)))),
        /** GTP-U between two 2152 ports, each G-PDU with a sequence word and one 4-byte extension header. */
        GTP_U(false, i -> outerUdp(i, 2152, 2152, false, concat(gtpU(i.ip().length), i.ip()))),
        /** AYIYA from the client's port 40000 to the server's 5072, IPv6 inside. */
        AYIYA(true, i -> outerUdp(i, 40000, 5072, false, concat(ayiya(), i.ip())));

        final boolean ipv6Inside;
        private final Function<Inner, byte[]> wrap;

        Encapsulation(boolean ipv6Inside, Function<Inner, byte[]> wrap) {
            this.ipv6Inside = ipv6Inside;
            this.wrap = wrap;
        }

        /** The pcap: every packet of the conversation in this encapsulation. */
        PcapWriter pcap() {
            PcapWriter pcap = new PcapWriter(PcapWriter.LINKTYPE_ETHERNET);
            for (Inner i : conversation(ipv6Inside)) {
                pcap.frame(i.tsMicros(), wrap.apply(i));
            }
            return pcap;
        }
    }

    private static long at(int millis) {
        return T0 + millis * 1_000L;
    }

    private static Inner tcp(int millis, boolean fromClient, String src, String dst, int flags, long seq, long ack,
                             int payload) {
        int sport = fromClient ? 40000 : 80;
        int dport = fromClient ? 80 : 40000;
        ByteBuffer t = ByteBuffer.allocate(20 + payload);
        t.putShort((short) sport).putShort((short) dport).putInt((int) seq).putInt((int) ack)
                .put((byte) 0x50).put((byte) flags).putShort((short) 65535);
        return new Inner(at(millis), fromClient, ip(src, dst, 6, t.array()));
    }

    private static byte[] udp(int sport, int dport, int payload) {
        ByteBuffer u = ByteBuffer.allocate(8 + payload);
        u.putShort((short) sport).putShort((short) dport).putShort((short) (8 + payload));
        return u.array();
    }

    private static byte[] icmpEcho(int type, int data) {
        byte[] b = new byte[8 + data];
        b[0] = (byte) type;
        return b;
    }

    /** An IPv4 or IPv6 packet, by the addresses' family. */
    static byte[] ip(String src, String dst, int proto, byte[] payload) {
        byte[] s = address(src);
        byte[] d = address(dst);
        if (s.length == 4) {
            ByteBuffer b = ByteBuffer.allocate(20 + payload.length);
            b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length)).putInt(0)
                    .put((byte) 64).put((byte) proto).putShort((short) 0).put(s).put(d).put(payload);
            return b.array();
        }
        ByteBuffer b = ByteBuffer.allocate(40 + payload.length);
        b.putInt(0x60000000).putShort((short) payload.length).put((byte) proto).put((byte) 64).put(s).put(d)
                .put(payload);
        return b.array();
    }

    private static byte[] ethernet(int type, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + payload.length);
        b.put(new byte[] {0, 0x11, 0x22, 0x33, 0x44, 0x55, 0, 0x66, 0x77, (byte) 0x88, (byte) 0x99, (byte) 0xAA})
                .putShort((short) type).put(payload);
        return b.array();
    }

    private static byte[] innerEthernet(Inner i) {
        return ethernet(i.ip()[0] >> 4 == 6 ? 0x86DD : 0x0800, i.ip());
    }

    private static byte[] outer4(Inner i, int proto, byte[] payload) {
        return ethernet(0x0800, i.fromClient() ? ip(A, B, proto, payload) : ip(B, A, proto, payload));
    }

    /**
     * A UDP tunnel datagram between A and B. {@code perDirection}: each side sends from {@code clientPort} to
     * the other's {@code serverPort}; otherwise replies come back from {@code serverPort} to {@code clientPort}.
     */
    private static byte[] outerUdp(Inner i, int clientPort, int serverPort, boolean perDirection, byte[] payload) {
        byte[] udp = i.fromClient() || perDirection ? udpWith(clientPort, serverPort, payload)
                : udpWith(serverPort, clientPort, payload);
        return ethernet(0x0800, i.fromClient() ? ip(A, B, 17, udp) : ip(B, A, 17, udp));
    }

    private static byte[] udpWith(int sport, int dport, byte[] payload) {
        byte[] datagram = udp(sport, dport, payload.length);
        System.arraycopy(payload, 0, datagram, 8, payload.length);
        return datagram;
    }

    private static byte[] tag(int vlan, int type) {
        return ByteBuffer.allocate(4).putShort((short) vlan).putShort((short) type).array();
    }

    private static byte[] label(int label, boolean bottom) {
        return ByteBuffer.allocate(4).putInt(label << 12 | (bottom ? 0x100 : 0) | 64).array();
    }

    private static byte[] pppoe(int pppPayload) {
        return ByteBuffer.allocate(8).put((byte) 0x11).put((byte) 0).putShort((short) 0x1234)
                .putShort((short) (pppPayload + 2)).putShort((short) 0x0021).array();
    }

    private static byte[] gre(int flags, int protocol) {
        return ByteBuffer.allocate(4).putShort((short) flags).putShort((short) protocol).array();
    }

    private static byte[] word(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    /** ERSPAN type III header (12 bytes) with the O flag set: an 8-byte platform header follows. */
    private static byte[] erspan3() {
        byte[] h = new byte[12];
        h[0] = 0x20;
        h[11] = 0x01;
        return h;
    }

    /** GTP-U G-PDU: version 1, PT, E and S flags; sequence word naming one extension header of 4 bytes. */
    private static byte[] gtpU(int innerLength) {
        return ByteBuffer.allocate(16).put((byte) 0x36).put((byte) 0xFF).putShort((short) (innerLength + 8))
                .putInt(0x0A0B0C0D).putShort((short) 1).put((byte) 0).put((byte) 0x85)
                .put((byte) 1).put((byte) 0x09).put((byte) 0).put((byte) 0).array();
    }

    /** AYIYA forward of IPv6: identity 2^4 = 16 bytes, signature 5 * 4 = 20 bytes, 8-byte header. */
    private static byte[] ayiya() {
        byte[] h = new byte[8 + 16 + 20];
        h[0] = 0x41;
        h[1] = 0x52;
        h[2] = 0x11;
        h[3] = 41;
        return h;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    private static byte[] address(String text) {
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
