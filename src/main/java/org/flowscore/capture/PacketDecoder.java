package org.flowscore.capture;

import java.net.InetAddress;
import java.util.List;
import org.flowscore.capture.flowtable.PacketInfo;
import org.flowscore.flow.TcpFlags;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IcmpV6CommonPacket;
import org.pcap4j.packet.IllegalRawDataException;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.UdpPacket;
import org.pcap4j.packet.factory.PacketFactories;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * Frame bytes to {@link PacketInfo}, with pcap4j's decoders: Ethernet (with VLAN tags), raw IP, Linux cooked
 * capture and the other link types pcap4j knows, plus Cisco FabricPath, whose 16-byte outer header Zeek skips
 * too, and Teredo, whose tunnelled IPv6 is tracked beside the outer UDP as Zeek does. The first IP header in
 * the frame decides; sizes come from the headers' own length fields, so a capture cut by the snap length still
 * counts what was on the wire. Frames without IP, IP fragments after the first and truncated transport headers
 * give nothing.
 */
final class PacketDecoder {
    private static final int FABRICPATH_TYPE = 0x8903;
    private static final int FABRICPATH_HEADER = 16;
    private static final int NO_NEXT_HEADER = 59;

    /** IPv6 extension headers that pcap4j decodes on the way to the transport header. */
    private static final java.util.Set<Integer> IPV6_EXTENSIONS = java.util.Set.of(0, 43, 44, 60);

    private final DataLinkType linkType;

    PacketDecoder(DataLinkType linkType) {
        this.linkType = linkType;
    }

    /**
     * Decodes a frame: nothing when it carries nothing the flow table tracks; the IP packet; or, for Teredo,
     * the outer UDP packet and the IPv6 packet it tunnels, both counted as Zeek does.
     */
    List<PacketInfo> decode(byte[] frame, long tsMicros) {
        Packet ip = ipLayer(frame);
        PacketInfo outer = ip instanceof IpV4Packet v4 ? ipv4(v4, tsMicros)
                : ip instanceof IpV6Packet v6 ? ipv6(v6, tsMicros) : null;
        if (outer == null) {
            return List.of();
        }
        PacketInfo inner = outer.ipProto() == 17 ? teredoInner(ip.get(UdpPacket.class), tsMicros) : null;
        return inner == null ? List.of(outer) : List.of(outer, inner);
    }

    /**
     * The IPv6 packet inside a Teredo datagram (RFC 4380), after the optional authentication and origin
     * indication headers. Relays answer from any port, so a datagram counts as Teredo by its content: an IPv6
     * header whose payload length fills the datagram exactly. Bubbles (no next header) carry no traffic and
     * Zeek logs none; null for them and for anything that is not IPv6.
     */
    private static PacketInfo teredoInner(UdpPacket udp, long tsMicros) {
        if (udp == null || udp.getPayload() == null) {
            return null;
        }
        byte[] b = udp.getPayload().getRawData();
        int off = 0;
        if (b.length >= 4 && b[0] == 0 && b[1] == 1) {
            off = 13 + (b[2] & 0xff) + (b[3] & 0xff);
        }
        if (b.length >= off + 8 && b[off] == 0 && b[off + 1] == 0) {
            off += 8;
        }
        if (b.length < off + 40 || (b[off] & 0xf0) != 0x60
                || 40 + ((b[off + 4] & 0xff) << 8 | b[off + 5] & 0xff) != b.length - off
                || (b[off + 6] & 0xff) == NO_NEXT_HEADER) {
            return null;
        }
        try {
            return ipv6(IpV6Packet.newPacket(b, off, b.length - off), tsMicros);
        } catch (IllegalRawDataException e) {
            return null;
        }
    }

    /** The first IP header of the frame, or null. */
    private Packet ipLayer(byte[] frame) {
        Packet packet = PacketFactories.getFactory(Packet.class, DataLinkType.class)
                .newInstance(frame, 0, frame.length, linkType);
        if (packet instanceof EthernetPacket ethernet
                && (ethernet.getHeader().getType().value() & 0xffff) == FABRICPATH_TYPE
                && frame.length > FABRICPATH_HEADER) {
            try {
                packet = EthernetPacket.newPacket(frame, FABRICPATH_HEADER, frame.length - FABRICPATH_HEADER);
            } catch (IllegalRawDataException e) {
                return null;
            }
        }
        for (Packet layer = packet; layer != null; layer = layer.getPayload()) {
            if (layer instanceof IpV4Packet || layer instanceof IpV6Packet) {
                return layer;
            }
        }
        return null;
    }

    private static PacketInfo ipv4(IpV4Packet ip, long tsMicros) {
        IpV4Packet.IpV4Header h = ip.getHeader();
        if (h.getFragmentOffset() != 0) {
            return null;
        }
        return transport(ip, h.getSrcAddr(), h.getDstAddr(), h.getTotalLengthAsInt(), h.getProtocol().value() & 0xff,
                tsMicros);
    }

    private static PacketInfo ipv6(IpV6Packet ip, long tsMicros) {
        IpV6Packet.IpV6Header h = ip.getHeader();
        int ipBytes = 40 + h.getPayloadLengthAsInt();
        int next = h.getNextHeader().value() & 0xff;
        if (IPV6_EXTENSIONS.contains(next)) {
            PacketInfo icmp = icmpv6BehindExtensions(ip, next, ipBytes, tsMicros);
            if (icmp != null) {
                return icmp;
            }
        }
        return transport(ip, h.getSrcAddr(), h.getDstAddr(), ipBytes, next, tsMicros);
    }

    /**
     * ICMPv6 after extension headers (MLD reports carry a hop-by-hop Router Alert): pcap4j 1.8.2 mis-sizes a
     * hop-by-hop header padded with PadN and reads the ICMPv6 header at the wrong offset, so the extension
     * chain is walked here by its own length fields. Null when the chain does not end in ICMPv6.
     */
    private static PacketInfo icmpv6BehindExtensions(IpV6Packet ip, int next, int ipBytes, long tsMicros) {
        byte[] raw = ip.getRawData();
        int offset = 40;
        while (IPV6_EXTENSIONS.contains(next) && offset + 8 <= raw.length) {
            int following = raw[offset] & 0xff;
            offset += next == 44 ? 8 : ((raw[offset + 1] & 0xff) + 1) * 8;
            next = following;
        }
        if (next != 58 || offset + 2 > raw.length) {
            return null;
        }
        IpV6Packet.IpV6Header h = ip.getHeader();
        return PacketInfo.icmp(tsMicros, 58, h.getSrcAddr(), h.getDstAddr(), raw[offset] & 0xff,
                raw[offset + 1] & 0xff, ipBytes, Math.max(0, ipBytes - offset - 8));
    }

    private static PacketInfo transport(Packet ip, InetAddress source, InetAddress destination, int ipBytes,
                                        int ipProto, long tsMicros) {
        if (ipProto != 6 && ipProto != 17 && ipProto != 1 && ipProto != 58 && !IPV6_EXTENSIONS.contains(ipProto)) {
            return PacketInfo.other(tsMicros, ipProto, source, destination, ipBytes);
        }
        // The first transport header inside this IP packet, past any IPv6 extension headers.
        for (Packet layer = ip.getPayload(); layer != null; layer = layer.getPayload()) {
            int offset = ip.length() - layer.length();
            if (layer instanceof TcpPacket tcp) {
                TcpPacket.TcpHeader t = tcp.getHeader();
                int payload = Math.max(0, ipBytes - offset - t.getDataOffsetAsInt() * 4);
                return PacketInfo.tcp(tsMicros, source, t.getSrcPort().valueAsInt(), destination,
                        t.getDstPort().valueAsInt(), ipBytes, payload, flags(t), t.getSequenceNumberAsLong(),
                        t.getAcknowledgmentNumberAsLong(), t.getWindowAsInt());
            }
            if (layer instanceof UdpPacket udp) {
                UdpPacket.UdpHeader u = udp.getHeader();
                return PacketInfo.udp(tsMicros, source, u.getSrcPort().valueAsInt(), destination,
                        u.getDstPort().valueAsInt(), ipBytes, Math.max(0, ipBytes - offset - 8));
            }
            if (layer instanceof IcmpV4CommonPacket icmp) {
                var c = icmp.getHeader();
                return PacketInfo.icmp(tsMicros, 1, source, destination, c.getType().value() & 0xff,
                        c.getCode().value() & 0xff, ipBytes, Math.max(0, ipBytes - offset - 8));
            }
            if (layer instanceof IcmpV6CommonPacket icmp) {
                var c = icmp.getHeader();
                return PacketInfo.icmp(tsMicros, 58, source, destination, c.getType().value() & 0xff,
                        c.getCode().value() & 0xff, ipBytes, Math.max(0, ipBytes - offset - 8));
            }
            if (layer instanceof IpV4Packet || layer instanceof IpV6Packet) {
                return null;
            }
        }
        return null;
    }

    private static int flags(TcpPacket.TcpHeader t) {
        return (t.getFin() ? TcpFlags.FIN : 0) | (t.getSyn() ? TcpFlags.SYN : 0) | (t.getRst() ? TcpFlags.RST : 0)
                | (t.getPsh() ? TcpFlags.PSH : 0) | (t.getAck() ? TcpFlags.ACK : 0) | (t.getUrg() ? TcpFlags.URG : 0);
    }
}
