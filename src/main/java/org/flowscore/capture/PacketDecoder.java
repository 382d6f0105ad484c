package org.flowscore.capture;

import java.net.InetAddress;
import org.flowscore.capture.flowtable.PacketInfo;
import org.flowscore.capture.flowtable.TcpFlags;
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
 * too. The first IP header in the frame decides; sizes come from the headers' own length fields, so a
 * capture cut by the snap length still counts what was on the wire. Frames without IP, IP fragments after
 * the first and truncated transport headers give null.
 */
final class PacketDecoder {
    private static final int FABRICPATH_TYPE = 0x8903;
    private static final int FABRICPATH_HEADER = 16;

    /** IPv6 extension headers that pcap4j decodes on the way to the transport header. */
    private static final java.util.Set<Integer> IPV6_EXTENSIONS = java.util.Set.of(0, 43, 44, 60);

    private final DataLinkType linkType;

    PacketDecoder(DataLinkType linkType) {
        this.linkType = linkType;
    }

    /** Decodes a frame; null when it carries nothing the flow table tracks. */
    PacketInfo decode(byte[] frame, long tsMicros) {
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
            if (layer instanceof IpV4Packet ip) {
                return ipv4(ip, tsMicros);
            }
            if (layer instanceof IpV6Packet ip) {
                return ipv6(ip, tsMicros);
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
