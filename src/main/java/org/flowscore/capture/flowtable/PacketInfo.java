package org.flowscore.capture.flowtable;

import org.flowscore.flow.TcpFlags;
import java.net.InetAddress;

/**
 * What the flow table needs of one IP packet: addresses, ports (ICMP type and code), sizes and the TCP
 * header fields. Decoding from link-layer bytes happens before, in {@code capture}.
 *
 * @param tsMicros      capture time, microseconds since the epoch
 * @param ipProto       IANA protocol number of the transport header
 * @param sourcePort    TCP/UDP source port; ICMP type
 * @param destPort      TCP/UDP destination port; ICMP code
 * @param ipBytes       the IP datagram's length as its header states it (Zeek's {@code *_ip_bytes})
 * @param payloadLength transport payload length by the headers' own lengths, not the captured length
 * @param tcpFlags      TCP flag bits ({@link TcpFlags}); 0 for other transports
 * @param seq           TCP sequence number (unsigned 32 bits in a long)
 * @param ack           TCP acknowledgement number (unsigned 32 bits in a long)
 * @param window        TCP window field
 * @param carrier       the tunnel the packet came out of, or null when it was not tunnelled
 */
public record PacketInfo(long tsMicros, InetAddress source, InetAddress destination, int ipProto,
                         int sourcePort, int destPort, int ipBytes, int payloadLength,
                         int tcpFlags, long seq, long ack, int window, Carrier carrier) {

    public static PacketInfo tcp(long tsMicros, InetAddress source, int sourcePort, InetAddress destination,
                                 int destPort, int ipBytes, int payloadLength, int flags, long seq, long ack,
                                 int window) {
        return new PacketInfo(tsMicros, source, destination, 6, sourcePort, destPort, ipBytes, payloadLength,
                flags, seq, ack, window, null);
    }

    public static PacketInfo udp(long tsMicros, InetAddress source, int sourcePort, InetAddress destination,
                                 int destPort, int ipBytes, int payloadLength) {
        return new PacketInfo(tsMicros, source, destination, 17, sourcePort, destPort, ipBytes, payloadLength,
                0, 0, 0, 0, null);
    }

    public static PacketInfo icmp(long tsMicros, int ipProto, InetAddress source, InetAddress destination,
                                  int type, int code, int ipBytes, int payloadLength) {
        return new PacketInfo(tsMicros, source, destination, ipProto, type, code, ipBytes, payloadLength,
                0, 0, 0, 0, null);
    }

    /** Another IP protocol: counted by addresses alone, as Zeek's {@code unknown_transport} connections. */
    public static PacketInfo other(long tsMicros, int ipProto, InetAddress source, InetAddress destination,
                                   int ipBytes) {
        return new PacketInfo(tsMicros, source, destination, ipProto, 0, 0, ipBytes, 0, 0, 0, 0, 0, null);
    }

    /** The same packet, come out of a tunnel. */
    public PacketInfo carriedBy(Carrier by) {
        return new PacketInfo(tsMicros, source, destination, ipProto, sourcePort, destPort, ipBytes, payloadLength,
                tcpFlags, seq, ack, window, by);
    }

    public boolean has(int flag) {
        return (tcpFlags & flag) != 0;
    }
}
