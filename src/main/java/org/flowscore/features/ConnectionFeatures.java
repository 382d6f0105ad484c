package org.flowscore.features;

import org.flowscore.flow.Connection;
import org.flowscore.flow.FlowKey;
import org.flowscore.flow.Transport;

/**
 * The features of a connection on its own (1–22): basic features from the log record, content features
 * as far as a connection log can give them.
 *
 * <p><b>protocol_type</b> has only tcp, udp and icmp. ICMPv6 is {@code icmp}. SCTP and other IP protocols
 * (GRE, ESP, …) are {@code udp}: like UDP they carry no TCP flag state (their flag is SF by convention), and
 * their service is nearly always {@code other} or {@code private}. In KDDTrain+ such udp rows are 56 % normal,
 * the tcp ones 98 % attacks, and icmp never has a port-based service. Calling them tcp would also claim a
 * handshake that was never seen.
 *
 * <p><b>land</b> needs ports: it is 1 when a TCP, UDP or SCTP connection has the same address and port on
 * both sides. ICMP type and code are not ports, so ICMP and portless protocols are never land.
 *
 * <p><b>logged_in</b> is 1 for a TCP connection with a recognised application protocol, a flag of SF, S1, S2,
 * S3, RSTO or RSTR, and payload from the responder: a session took place (notes §2.5). It is 0 for every
 * non-TCP connection because NSL-KDD never sets it on udp or icmp rows (0 of 23,284 in KDDTrain+); a DNS
 * answer would otherwise become a combination the models never saw.
 *
 * <p><b>wrong_fragment</b> and the content features other than logged_in are 0: a connection log does not
 * carry them.
 */
final class ConnectionFeatures {
    private static final int TCP = KddSchema.PROTOCOLS.indexOf("tcp");
    private static final int UDP = KddSchema.PROTOCOLS.indexOf("udp");
    private static final int ICMP = KddSchema.PROTOCOLS.indexOf("icmp");

    private ConnectionFeatures() {
    }

    /** Writes features 1–22 of {@code e}, from the values {@link WindowEntry} took with these rules. */
    static void write(WindowEntry e, double[] out) {
        out[KddSchema.DURATION] = e.durationSeconds;
        out[KddSchema.PROTOCOL_TYPE] = e.protocolType;
        out[KddSchema.SERVICE] = e.service;
        out[KddSchema.FLAG] = e.flag;
        out[KddSchema.SRC_BYTES] = e.sourceBytes;
        out[KddSchema.DST_BYTES] = e.destinationBytes;
        out[KddSchema.LAND] = e.land ? 1 : 0;
        out[KddSchema.WRONG_FRAGMENT] = 0;
        out[KddSchema.URGENT] = e.urgent;
        for (int i = KddSchema.HOT; i <= KddSchema.IS_GUEST_LOGIN; i++) {
            out[i] = 0;
        }
        out[KddSchema.LOGGED_IN] = e.loggedIn ? 1 : 0;
    }

    static int protocolType(Transport transport) {
        return switch (transport) {
            case TCP -> TCP;
            case ICMP, ICMPV6 -> ICMP;
            case UDP, SCTP, OTHER -> UDP;
        };
    }

    static boolean land(FlowKey key) {
        Transport t = key.transport();
        boolean hasPorts = t == Transport.TCP || t == Transport.UDP || t == Transport.SCTP;
        return hasPorts && key.sourcePort() == key.destinationPort() && key.sourceIp().equals(key.destinationIp());
    }

    static boolean loggedIn(Connection c, int flag) {
        boolean session = flag == KddFlag.SF || flag == KddFlag.S1 || flag == KddFlag.S2 || flag == KddFlag.S3
                || flag == KddFlag.RSTO || flag == KddFlag.RSTR;
        return c.transport() == Transport.TCP && session && c.resp().payloadBytes() > 0
                && DetectedProtocol.any(c.service());
    }
}
