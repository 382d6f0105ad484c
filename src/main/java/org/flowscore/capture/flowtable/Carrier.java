package org.flowscore.capture.flowtable;

import java.net.InetAddress;

/**
 * What carried a tunnelled packet: it names the tunnel in the inner connection's {@code tunnel_parents},
 * as Zeek names the innermost tunnel a connection was seen in.
 */
public sealed interface Carrier {

    /**
     * A UDP tunnel (Teredo, AYIYA, VXLAN, Geneve, GTP-U): Zeek logs the outer datagrams as a connection of
     * their own, and that connection's id is the parent.
     *
     * @param outer the outer UDP packet, which the flow table has taken just before the inner one
     */
    record UdpTunnel(PacketInfo outer) implements Carrier {
    }

    /**
     * An IP tunnel (IP-in-IP, 6in4, 4in6, GRE with its ERSPAN and Ethernet bridging forms): Zeek names it in
     * tunnel.log only, one tunnel per address pair whichever way a packet goes.
     *
     * @param ipProto the outer protocol: 4 or 41 for IP-in-IP, 47 for GRE
     */
    record IpTunnel(InetAddress source, InetAddress destination, int ipProto) implements Carrier {
    }
}
