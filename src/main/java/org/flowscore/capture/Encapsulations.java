package org.flowscore.capture;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.flowscore.capture.flowtable.Carrier;
import org.flowscore.capture.flowtable.PacketInfo;
import org.flowscore.flow.TcpFlags;

/**
 * Walks a frame's headers from the link layer to the transport header, through every encapsulation Zeek
 * decodes: 802.1Q and QinQ tags, MPLS label stacks (and Ethernet pseudo-wires behind a control word),
 * PPPoE sessions, IP-in-IP (4in4, 6in4, 4in6, 6in6), GRE (keys, sequence numbers, Ethernet bridging, PPTP)
 * with ERSPAN types I, II and III, and the UDP tunnels VXLAN (4789), Geneve (6081), GTP-U (2152), AYIYA (5072)
 * and Teredo. Each IP packet that reaches a transport header becomes a {@link PacketInfo}, outer ones first:
 * a UDP tunnel's datagrams are a connection of their own, as in Zeek's conn.log, and what they carry is marked
 * with its {@link Carrier}; the outer packet of an IP tunnel is not a connection, as in Zeek.
 *
 * <p>pcap4j decodes none of these encapsulations, so the headers are read here, by their own length fields and
 * never past the captured bytes; a header cut short ends the walk with what was decoded so far. Sizes come from
 * the IP headers, so a capture cut by the snap length still counts what was on the wire. IP fragments after the
 * first are not reassembled and give nothing.
 */
final class Encapsulations {
    static final int ETHERNET_HEADER = 14;
    private static final int TYPE_IPV4 = 0x0800;
    private static final int TYPE_IPV6 = 0x86DD;
    private static final int TYPE_VLAN = 0x8100;
    private static final int TYPE_QINQ = 0x88A8;
    private static final int TYPE_QINQ_OLD = 0x9100;
    private static final int TYPE_MPLS = 0x8847;
    private static final int TYPE_MPLS_MULTICAST = 0x8848;
    private static final int TYPE_PPPOE_SESSION = 0x8864;
    private static final int TYPE_FABRICPATH = 0x8903;
    private static final int TYPE_ETHERNET_BRIDGING = 0x6558;
    private static final int TYPE_ERSPAN_1_2 = 0x88BE;
    private static final int TYPE_ERSPAN_3 = 0x22EB;
    private static final int TYPE_PPTP = 0x880B;
    private static final int FABRICPATH_HEADER = 16;
    private static final int PPP_IPV4 = 0x0021;
    private static final int PPP_IPV6 = 0x0057;

    private static final int VXLAN_PORT = 4789;
    private static final int GENEVE_PORT = 6081;
    private static final int GTP_U_PORT = 2152;
    private static final int AYIYA_PORT = 5072;

    /** Tunnels inside tunnels deeper than this are not followed: no real network nests so far, a forged frame can. */
    private static final int MAX_DEPTH = 8;

    private static final int NO_NEXT_HEADER = 59;

    private final long tsMicros;
    private final List<PacketInfo> out;

    private Encapsulations(long tsMicros, List<PacketInfo> out) {
        this.tsMicros = tsMicros;
        this.out = out;
    }

    /** Decodes an Ethernet frame into {@code out}. */
    static void ethernet(byte[] b, long tsMicros, List<PacketInfo> out) {
        new Encapsulations(tsMicros, out).ethernet(b, 0, b.length, 0, null);
    }

    /** Decodes a frame that starts with an IP header (raw IP, loopback after its family word) into {@code out}. */
    static void ip(byte[] b, int off, long tsMicros, List<PacketInfo> out) {
        new Encapsulations(tsMicros, out).ip(b, off, b.length, 0, null);
    }

    /** Decodes what follows a link header that names its payload by EtherType (Linux cooked capture). */
    static void etherType(byte[] b, int off, int type, long tsMicros, List<PacketInfo> out) {
        new Encapsulations(tsMicros, out).payload(b, off, b.length, type, 0, null);
    }

    private void ethernet(byte[] b, int off, int end, int depth, Carrier carrier) {
        if (end - off < ETHERNET_HEADER) {
            return;
        }
        int type = u16(b, off + 12);
        if (type == TYPE_FABRICPATH && depth == 0) {
            // Cisco FabricPath wraps the whole Ethernet frame in a 16-byte outer header, which Zeek skips too.
            ethernet(b, off + FABRICPATH_HEADER, end, depth, carrier);
            return;
        }
        payload(b, off + ETHERNET_HEADER, end, type, depth, carrier);
    }

    /** What follows an EtherType: more tags, a label stack, a PPPoE session, or IP. */
    private void payload(byte[] b, int off, int end, int type, int depth, Carrier carrier) {
        while (type == TYPE_VLAN || type == TYPE_QINQ || type == TYPE_QINQ_OLD) {
            if (end - off < 4) {
                return;
            }
            type = u16(b, off + 2);
            off += 4;
        }
        switch (type) {
            case TYPE_IPV4, TYPE_IPV6 -> ip(b, off, end, depth, carrier);
            case TYPE_MPLS, TYPE_MPLS_MULTICAST -> mpls(b, off, end, depth, carrier);
            case TYPE_PPPOE_SESSION -> pppoe(b, off, end, depth, carrier);
            default -> {
                // ARP, LLDP and the rest carry no IP traffic.
            }
        }
    }

    /**
     * RFC 3032 does not say what follows the label stack: IP by its version nibble, as Zeek guesses, or an
     * Ethernet pseudo-wire (RFC 4448) behind the control word, whose first nibble is 0.
     */
    private void mpls(byte[] b, int off, int end, int depth, Carrier carrier) {
        boolean bottom = false;
        while (!bottom) {
            if (end - off <= 4) {
                return;
            }
            bottom = (b[off + 2] & 0x01) != 0;
            off += 4;
        }
        int nibble = (b[off] & 0xF0) >> 4;
        if (nibble == 4 || nibble == 6) {
            ip(b, off, end, depth, carrier);
        } else if (nibble == 0) {
            ethernet(b, off + 4, end, depth, carrier);
        }
    }

    /** A PPPoE session frame: 6-byte PPPoE header, then the PPP protocol number. */
    private void pppoe(byte[] b, int off, int end, int depth, Carrier carrier) {
        if (end - off < 8) {
            return;
        }
        int protocol = u16(b, off + 6);
        if (protocol == PPP_IPV4 || protocol == PPP_IPV6) {
            ip(b, off + 8, end, depth, carrier);
        }
    }

    private void ip(byte[] b, int off, int end, int depth, Carrier carrier) {
        if (end - off < 1) {
            return;
        }
        int version = (b[off] & 0xF0) >> 4;
        if (version == 4) {
            ipv4(b, off, end, depth, carrier);
        } else if (version == 6) {
            ipv6(b, off, end, depth, carrier);
        }
    }

    private void ipv4(byte[] b, int off, int end, int depth, Carrier carrier) {
        if (end - off < 20) {
            return;
        }
        int headerLength = (b[off] & 0x0F) * 4;
        int totalLength = u16(b, off + 2);
        if (totalLength == 0) {
            // Segmentation offload leaves the length 0 on captures taken at the sender: what was captured counts.
            totalLength = end - off;
        }
        if (headerLength < 20 || totalLength < headerLength || end - off < headerLength) {
            return;
        }
        if ((u16(b, off + 6) & 0x1FFF) != 0) {
            return;
        }
        InetAddress source = address(b, off + 12, 4);
        InetAddress destination = address(b, off + 16, 4);
        int ipProto = b[off + 9] & 0xFF;
        int payloadEnd = Math.min(end, off + totalLength);
        transport(b, off + headerLength, payloadEnd, totalLength, totalLength - headerLength, ipProto, source,
                destination, depth, carrier);
    }

    private void ipv6(byte[] b, int off, int end, int depth, Carrier carrier) {
        if (end - off < 40) {
            return;
        }
        int ipBytes = 40 + u16(b, off + 4);
        InetAddress source = address(b, off + 8, 16);
        InetAddress destination = address(b, off + 24, 16);
        int next = b[off + 6] & 0xFF;
        int at = off + 40;
        int payloadEnd = Math.min(end, off + ipBytes);
        while (next == 0 || next == 43 || next == 60 || next == 44 || next == 51) {
            if (payloadEnd - at < 8) {
                return;
            }
            int following = b[at] & 0xFF;
            int length;
            if (next == 44) {
                if ((u16(b, at + 2) & 0xFFF8) != 0) {
                    return;
                }
                length = 8;
            } else if (next == 51) {
                length = ((b[at + 1] & 0xFF) + 2) * 4;
            } else {
                length = ((b[at + 1] & 0xFF) + 1) * 8;
            }
            at += length;
            next = following;
        }
        if (at > payloadEnd) {
            return;
        }
        transport(b, at, payloadEnd, ipBytes, ipBytes - (at - off), next, source, destination, depth, carrier);
    }

    /**
     * The transport header at {@code off}; {@code transportLength} is its length by the IP header (the
     * capture may hold less, up to {@code end}).
     */
    private void transport(byte[] b, int off, int end, int ipBytes, int transportLength, int ipProto,
                           InetAddress source, InetAddress destination, int depth, Carrier carrier) {
        int captured = end - off;
        switch (ipProto) {
            case 6 -> {
                if (captured < 20) {
                    return;
                }
                int headerLength = ((b[off + 12] & 0xF0) >> 4) * 4;
                add(PacketInfo.tcp(tsMicros, source, u16(b, off), destination, u16(b, off + 2), ipBytes,
                        Math.max(0, transportLength - headerLength), tcpFlags(b[off + 13]), u32(b, off + 4),
                        u32(b, off + 8), u16(b, off + 14)), carrier);
            }
            case 17 -> {
                if (captured < 8) {
                    return;
                }
                int sourcePort = u16(b, off);
                int destPort = u16(b, off + 2);
                PacketInfo udp = add(PacketInfo.udp(tsMicros, source, sourcePort, destination, destPort, ipBytes,
                        Math.max(0, transportLength - 8)), carrier);
                if (depth < MAX_DEPTH) {
                    udpTunnel(b, off + 8, end, sourcePort, destPort, depth + 1, new Carrier.UdpTunnel(udp));
                }
            }
            case 1, 58 -> {
                if (captured < 2) {
                    return;
                }
                add(PacketInfo.icmp(tsMicros, ipProto, source, destination, b[off] & 0xFF, b[off + 1] & 0xFF,
                        ipBytes, Math.max(0, transportLength - 8)), carrier);
            }
            case 4, 41 -> {
                if (depth < MAX_DEPTH) {
                    ip(b, off, end, depth + 1, new Carrier.IpTunnel(source, destination, ipProto));
                }
            }
            case 47 -> {
                if (depth < MAX_DEPTH) {
                    gre(b, off, end, depth + 1, new Carrier.IpTunnel(source, destination, ipProto));
                }
            }
            default -> add(PacketInfo.other(tsMicros, ipProto, source, destination, ipBytes), carrier);
        }
    }

    /**
     * GRE (RFC 2784/2890) as Zeek reads it: optional checksum, key and sequence words; Ethernet bridging and
     * ERSPAN carry an Ethernet frame (type II after an 8-byte header when the sequence bit is set, type III after
     * 12 bytes and an optional 8-byte platform header), IPv4 and IPv6 an IP packet, and version 1 (PPTP) a PPP
     * frame. Routing, reserved flags or any other version or payload: nothing, as Zeek gives nothing either.
     */
    private void gre(byte[] b, int off, int end, int depth, Carrier carrier) {
        if (end - off < 4) {
            return;
        }
        int flags = u16(b, off);
        int protocol = u16(b, off + 2);
        int version = flags & 0x0007;
        if ((flags & 0x4000) != 0 || (flags & 0x0078) != 0) {
            return;
        }
        int header = 4 + ((flags & 0x8000) != 0 ? 4 : 0) + ((flags & 0x2000) != 0 ? 4 : 0)
                + ((flags & 0x1000) != 0 ? 4 : 0) + ((flags & 0x0080) != 0 ? 4 : 0);
        int at = off + header;
        if (version == 1) {
            if (protocol == TYPE_PPTP && end - at >= 4) {
                int ppp = u16(b, at + 2);
                if (ppp == PPP_IPV4 || ppp == PPP_IPV6) {
                    ip(b, at + 4, end, depth, carrier);
                }
            }
            return;
        }
        if (version != 0) {
            return;
        }
        switch (protocol) {
            case TYPE_ETHERNET_BRIDGING -> ethernet(b, at, end, depth, carrier);
            case TYPE_ERSPAN_1_2 -> ethernet(b, at + ((flags & 0x1000) != 0 ? 8 : 0), end, depth, carrier);
            case TYPE_ERSPAN_3 -> {
                if (end - at < 12) {
                    return;
                }
                boolean platformHeader = (b[at + 11] & 0x01) != 0;
                ethernet(b, at + 12 + (platformHeader ? 8 : 0), end, depth, carrier);
            }
            case TYPE_IPV4, TYPE_IPV6 -> ip(b, at, end, depth, carrier);
            default -> {
                // Keepalives, WCCP, NVGRE's own uses: nothing Zeek tracks.
            }
        }
    }

    /** What a UDP datagram's payload tunnels, by its port and content; nothing for ordinary datagrams. */
    private void udpTunnel(byte[] b, int off, int end, int sourcePort, int destPort, int depth, Carrier carrier) {
        if (sourcePort == VXLAN_PORT || destPort == VXLAN_PORT) {
            // 8-byte header whose I flag says the network identifier is valid, then an Ethernet frame.
            if (end - off >= 8 && (b[off] & 0x08) != 0) {
                ethernet(b, off + 8, end, depth, carrier);
            }
        } else if (sourcePort == GENEVE_PORT || destPort == GENEVE_PORT) {
            geneve(b, off, end, depth, carrier);
        } else if (sourcePort == GTP_U_PORT || destPort == GTP_U_PORT) {
            gtpU(b, off, end, depth, carrier);
        } else if (sourcePort == AYIYA_PORT || destPort == AYIYA_PORT) {
            ayiya(b, off, end, depth, carrier);
        } else {
            teredo(b, off, end, depth, carrier);
        }
    }

    /** Geneve (RFC 8926): version 0, options of the given length, then the payload its protocol type names. */
    private void geneve(byte[] b, int off, int end, int depth, Carrier carrier) {
        if (end - off < 8 || (b[off] & 0xC0) != 0) {
            return;
        }
        int at = off + 8 + (b[off] & 0x3F) * 4;
        int protocol = u16(b, off + 2);
        if (protocol == TYPE_ETHERNET_BRIDGING) {
            ethernet(b, at, end, depth, carrier);
        } else if (protocol == TYPE_IPV4 || protocol == TYPE_IPV6) {
            ip(b, at, end, depth, carrier);
        }
    }

    /**
     * GTP-U (3GPP TS 29.281): version 1, protocol type GTP, message type G-PDU (255), then the user's IP packet
     * after the optional sequence word and any extension headers.
     */
    private void gtpU(byte[] b, int off, int end, int depth, Carrier carrier) {
        if (end - off < 8) {
            return;
        }
        int flags = b[off] & 0xFF;
        if ((flags >> 5) != 1 || (flags & 0x10) == 0 || (b[off + 1] & 0xFF) != 0xFF) {
            return;
        }
        int at = off + 8;
        if ((flags & 0x07) != 0) {
            if (end - at < 4) {
                return;
            }
            int next = b[at + 3] & 0xFF;
            at += 4;
            while (next != 0) {
                if (end - at < 4) {
                    return;
                }
                int length = (b[at] & 0xFF) * 4;
                if (length == 0 || end - at < length) {
                    return;
                }
                next = b[at + length - 1] & 0xFF;
                at += length;
            }
        }
        ip(b, at, end, depth, carrier);
    }

    /**
     * AYIYA: identity of 2^n bytes and a signature of 4m bytes after the 8-byte header; only forwarded packets
     * (opcode 1) of IPv4 or IPv6 carry traffic.
     */
    private void ayiya(byte[] b, int off, int end, int depth, Carrier carrier) {
        if (end - off < 8) {
            return;
        }
        int identity = 1 << ((b[off] & 0xF0) >> 4);
        int signature = ((b[off + 1] & 0xF0) >> 4) * 4;
        int opcode = b[off + 2] & 0x0F;
        int next = b[off + 3] & 0xFF;
        if (opcode == 1 && (next == 4 || next == 41)) {
            ip(b, off + 8 + identity + signature, end, depth, carrier);
        }
    }

    /**
     * Teredo (RFC 4380), after the optional authentication and origin indication headers. Relays answer from any
     * port, so a datagram counts as Teredo by its content: an IPv6 header whose payload length fills the datagram
     * exactly. Bubbles (no next header) carry no traffic and Zeek logs none.
     */
    private void teredo(byte[] b, int off, int end, int depth, Carrier carrier) {
        int at = off;
        if (end - at >= 4 && b[at] == 0 && b[at + 1] == 1) {
            at += 13 + (b[at + 2] & 0xFF) + (b[at + 3] & 0xFF);
        }
        if (end - at >= 8 && b[at] == 0 && b[at + 1] == 0) {
            at += 8;
        }
        if (end - at < 40 || (b[at] & 0xF0) != 0x60 || 40 + u16(b, at + 4) != end - at
                || (b[at + 6] & 0xFF) == NO_NEXT_HEADER) {
            return;
        }
        ipv6(b, at, end, depth, carrier);
    }

    private PacketInfo add(PacketInfo p, Carrier carrier) {
        PacketInfo carried = carrier == null ? p : p.carriedBy(carrier);
        out.add(carried);
        return carried;
    }

    private static int tcpFlags(byte f) {
        return (f & 0x01) * TcpFlags.FIN | ((f & 0x02) >> 1) * TcpFlags.SYN | ((f & 0x04) >> 2) * TcpFlags.RST
                | ((f & 0x08) >> 3) * TcpFlags.PSH | ((f & 0x10) >> 4) * TcpFlags.ACK | ((f & 0x20) >> 5) * TcpFlags.URG;
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }

    private static InetAddress address(byte[] b, int at, int length) {
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, at, at + length));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes always make an address", e);
        }
    }
}
