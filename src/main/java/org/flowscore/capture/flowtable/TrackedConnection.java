package org.flowscore.capture.flowtable;

import org.flowscore.flow.TcpFlags;
import java.net.InetAddress;

/**
 * One connection the table is assembling: who originated it, both endpoints and the history so far. TCP
 * endpoint states move as in Zeek's TCP analyzer; only the transitions that decide {@code conn_state} are kept.
 */
final class TrackedConnection {
    final FlowTuple tuple;
    final InetAddress origAddress;
    final int origPort;
    final InetAddress respAddress;
    final int respPort;
    final int ipProto;
    final long startMicros;
    long lastMicros;
    final Endpoint orig = new Endpoint();
    final Endpoint resp = new Endpoint();
    final History history = new History();
    /** Ids of the tunnels packets of this connection came out of, in the order first seen. */
    final java.util.Set<String> tunnelParents = new java.util.LinkedHashSet<>();
    /** Where the connection stands in its ending, which decides how long the table keeps it. */
    Ending ending = Ending.OPEN;
    /** When the connection entered its current ending; the close delays run from here. */
    long endingSinceMicros;

    enum Ending {
        OPEN,
        /** One side closed, the other never seen opening: Zeek's {@code tcp_partial_close_delay}. */
        HALF_CLOSED,
        /** Both sides closed, or one reset: Zeek's {@code tcp_close_delay} and {@code tcp_reset_delay}. */
        CLOSED
    }

    private TrackedConnection(FlowTuple tuple, PacketInfo first, boolean flip, int origPort, int respPort) {
        this.tuple = tuple;
        this.origAddress = flip ? first.destination() : first.source();
        this.respAddress = flip ? first.source() : first.destination();
        this.origPort = origPort;
        this.respPort = respPort;
        this.ipProto = first.ipProto();
        this.startMicros = first.tsMicros();
        this.lastMicros = first.tsMicros();
        if (flip) {
            history.flipped();
        }
    }

    /** A new connection whose first packet is {@code first}; ports are the key's (ICMP: type and code). */
    static TrackedConnection open(FlowTuple tuple, PacketInfo first, int sourcePort, int destPort) {
        boolean flip = originatorIsDestination(first, sourcePort, destPort);
        return flip
                ? new TrackedConnection(tuple, first, true, destPort, sourcePort)
                : new TrackedConnection(tuple, first, false, sourcePort, destPort);
    }

    /**
     * Whether the first packet came from the responder: a SYN-ACK; or, for traffic joined midstream, a packet
     * from a well-known port to an ephemeral one (Zeek's likely-server-port guess). ICMP keeps the first
     * sender, as Zeek does even for a router advertisement.
     */
    private static boolean originatorIsDestination(PacketInfo first, int sourcePort, int destPort) {
        return switch (first.ipProto()) {
            case 6 -> first.has(TcpFlags.SYN)
                    ? first.has(TcpFlags.ACK)
                    : likelyServer(sourcePort) && !likelyServer(destPort);
            case 17 -> likelyServer(sourcePort) && !likelyServer(destPort);
            default -> false;
        };
    }

    /**
     * Ports at or above 1024 that Zeek's default analyzers register as likely server ports (Teredo, SOCKS,
     * MySQL, SIP, mDNS/LLMNR, IRC, RADIUS, GTP, VXLAN, Geneve, AYIYA, HTTP alternates); below 1024 every port counts.
     */
    private static final java.util.Set<Integer> HIGH_SERVER_PORTS = java.util.Set.of(1080, 1812, 1813, 2123, 2152,
            3128, 3306, 3544, 4789, 5060, 5072, 5353, 5355, 6081, 6666, 6667, 6668, 6669, 8000, 8080, 8888);

    private static boolean likelyServer(int port) {
        return port > 0 && port < 1024 || HIGH_SERVER_PORTS.contains(port);
    }

    boolean isOriginator(PacketInfo p) {
        if (!p.source().equals(origAddress)) {
            return false;
        }
        // Same address on both sides (loopback): tell the sides apart by port.
        return !p.source().equals(respAddress) || p.sourcePort() == origPort;
    }

    /** True when this packet is a new SYN on a finished connection: Zeek then starts a new connection. */
    boolean reusedBy(PacketInfo p) {
        if (ipProto != 6 || !p.has(TcpFlags.SYN) || p.has(TcpFlags.ACK)) {
            return false;
        }
        boolean finished = orig.state == TcpState.RESET || resp.state == TcpState.RESET
                || orig.state == TcpState.CLOSED && resp.state == TcpState.CLOSED;
        return finished && isOriginator(p);
    }

    void add(PacketInfo p) {
        boolean fromOrig = isOriginator(p);
        Endpoint side = fromOrig ? orig : resp;
        Endpoint peer = fromOrig ? resp : orig;
        lastMicros = Math.max(lastMicros, p.tsMicros());
        side.packets++;
        side.ipBytes += p.ipBytes();
        if (ipProto == 6) {
            tcp(side, peer, fromOrig, p);
        } else {
            side.summedPayload += p.payloadLength();
            if (ipProto == 17 && p.payloadLength() > 0) {
                history.payload(side, fromOrig);
            }
        }
    }

    private void tcp(Endpoint side, Endpoint peer, boolean fromOrig, PacketInfo p) {
        boolean syn = p.has(TcpFlags.SYN);
        long highestBefore = side.dataEnd();
        boolean known = side.sequenceKnown();
        long start = side.segment(p.seq(), syn, p.has(TcpFlags.FIN), p.payloadLength());
        if (known && p.payloadLength() > 0 && !syn && start < highestBefore) {
            history.retransmission(side, fromOrig);
        }
        history.tcp(side, fromOrig, p, start);
        if (p.window() == 0 && !syn && !p.has(TcpFlags.RST)) {
            history.zeroWindow(side, fromOrig);
        }
        if (p.has(TcpFlags.ACK)) {
            peer.peerAcknowledged(p.ack());
        }
        if (p.has(TcpFlags.FIN)) {
            side.sawFin = true;
        }
        advance(side, peer, fromOrig, p);
        Ending next = ending;
        if (orig.state == TcpState.RESET || resp.state == TcpState.RESET
                || orig.state == TcpState.CLOSED && resp.state == TcpState.CLOSED) {
            next = Ending.CLOSED;
        } else if (orig.state == TcpState.CLOSED && resp.state.inactive()
                || resp.state == TcpState.CLOSED && orig.state.inactive()) {
            next = Ending.HALF_CLOSED;
        }
        if (next != ending) {
            ending = next;
            endingSinceMicros = p.tsMicros();
        }
    }

    private static void advance(Endpoint side, Endpoint peer, boolean fromOrig, PacketInfo p) {
        if (side.state == TcpState.INACTIVE && p.has(TcpFlags.SYN)) {
            if (fromOrig) {
                side.setState(p.has(TcpFlags.ACK) ? TcpState.SYN_ACK_SENT : TcpState.SYN_SENT);
            } else {
                if (peer.state == TcpState.SYN_SENT) {
                    peer.setState(TcpState.ESTABLISHED);
                } else if (peer.state == TcpState.INACTIVE) {
                    peer.setState(TcpState.PARTIAL);
                }
                side.setState(TcpState.ESTABLISHED);
            }
        }
        if (p.has(TcpFlags.FIN) && side.state != TcpState.RESET) {
            side.setState(TcpState.CLOSED);
        }
        if (p.has(TcpFlags.RST)) {
            side.setState(TcpState.RESET);
        }
        if (side.state == TcpState.INACTIVE) {
            // Neither SYN, FIN nor RST: the connection was under way before we saw it.
            side.setState(TcpState.PARTIAL);
        }
    }

    long payload(Endpoint side) {
        return ipProto == 6 ? side.tcpPayload(side == orig ? resp : orig) : side.summedPayload;
    }

    String connState() {
        String text = history.text();
        return switch (ipProto) {
            case 6 -> ConnStates.tcp(orig, resp, payload(orig), payload(resp), text);
            case 17 -> ConnStates.udp(orig, resp);
            default -> "OTH";
        };
    }
}
