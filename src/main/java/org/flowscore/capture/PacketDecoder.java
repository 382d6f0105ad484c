package org.flowscore.capture;

import java.util.ArrayList;
import java.util.List;
import org.flowscore.capture.flowtable.PacketInfo;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV6Packet;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.factory.PacketFactories;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * Frame bytes to {@link PacketInfo}s by the capture's link type: Ethernet, raw IP, BSD loopback and Linux
 * cooked captures (v1 and v2) are read here and go through {@link Encapsulations}; any other link type pcap4j
 * knows is decoded by pcap4j as far as its first IP header, which is then read the same way.
 */
final class PacketDecoder {
    private static final int DLT_NULL = 0;
    private static final int DLT_EN10MB = 1;
    private static final int DLT_RAW_BSD = 12;
    private static final int DLT_RAW_OPENBSD = 14;
    private static final int DLT_RAW = 101;
    private static final int DLT_LOOP = 108;
    private static final int DLT_LINUX_SLL = 113;
    private static final int DLT_IPV4 = 228;
    private static final int DLT_IPV6 = 229;
    private static final int DLT_LINUX_SLL2 = 276;
    private static final int LINUX_SLL_HEADER = 16;
    private static final int LINUX_SLL2_HEADER = 20;

    private final DataLinkType linkType;

    PacketDecoder(DataLinkType linkType) {
        this.linkType = linkType;
    }

    /**
     * Decodes a frame: nothing when it carries nothing the flow table tracks; else its IP packets, outermost
     * first, each as Zeek counts it.
     */
    List<PacketInfo> decode(byte[] frame, long tsMicros) {
        List<PacketInfo> out = new ArrayList<>(2);
        switch (linkType.value()) {
            case DLT_EN10MB -> Encapsulations.ethernet(frame, tsMicros, out);
            case DLT_RAW, DLT_RAW_BSD, DLT_RAW_OPENBSD, DLT_IPV4, DLT_IPV6 -> Encapsulations.ip(frame, 0, tsMicros, out);
            case DLT_NULL, DLT_LOOP -> {
                // A 4-byte address family in the writer's byte order; the IP version nibble tells what follows.
                if (frame.length > 4) {
                    Encapsulations.ip(frame, 4, tsMicros, out);
                }
            }
            case DLT_LINUX_SLL -> {
                if (frame.length >= LINUX_SLL_HEADER) {
                    Encapsulations.etherType(frame, LINUX_SLL_HEADER, Encapsulations.u16(frame, 14), tsMicros, out);
                }
            }
            case DLT_LINUX_SLL2 -> {
                if (frame.length >= LINUX_SLL2_HEADER) {
                    Encapsulations.etherType(frame, LINUX_SLL2_HEADER, Encapsulations.u16(frame, 0), tsMicros, out);
                }
            }
            default -> {
                byte[] ip = firstIpHeader(frame);
                if (ip != null) {
                    Encapsulations.ip(ip, 0, tsMicros, out);
                }
            }
        }
        return out;
    }

    /** The bytes from the first IP header on, as pcap4j finds it in a frame of a rarer link type; or null. */
    private byte[] firstIpHeader(byte[] frame) {
        Packet packet;
        try {
            packet = PacketFactories.getFactory(Packet.class, DataLinkType.class)
                    .newInstance(frame, 0, frame.length, linkType);
        } catch (RuntimeException e) {
            // pcap4j throws unchecked exceptions for some malformed frames instead of returning an unknown packet.
            return null;
        }
        for (Packet layer = packet; layer != null; layer = layer.getPayload()) {
            if (layer instanceof IpV4Packet || layer instanceof IpV6Packet) {
                return layer.getRawData();
            }
        }
        return null;
    }
}
