package org.flowscore.flow;

import static org.flowscore.flow.TcpFlags.ACK;
import static org.flowscore.flow.TcpFlags.FIN;
import static org.flowscore.flow.TcpFlags.RST;
import static org.flowscore.flow.TcpFlags.SYN;

/**
 * Derives a Zeek {@code conn_state} name from what a Suricata flow event says about a connection.
 *
 * <p>This is an <b>approximation</b>. Zeek runs a state machine over every packet in order; Suricata's
 * {@code tcp.tcp_flags_ts} / {@code tcp_flags_tc} are only the OR of all flags each side sent, so the order
 * is lost (a FIN before or after a RST, a SYN-ACK before or after the responder's RST look the same). The
 * rules therefore reproduce Zeek's <i>precedence</i> instead (notes {@code features-ml.md} §2.3): no
 * originator SYN first, then an unanswered SYN, then a responder RST before the handshake, then RST (responder
 * before originator), then FIN combinations. Midstream pick-ups and incomplete stream tracking make the flags
 * incomplete too.
 *
 * <p>The result uses Zeek's names, including {@code RSTRH} and {@code SHR} which NSL-KDD lacks; the feature
 * layer remaps those, so the connection keeps what Zeek itself would have said.
 */
public final class SuricataConnState {
    private SuricataConnState() {
    }

    /**
     * @param originatorFlags  OR of the originator's TCP flags ({@code tcp.tcp_flags_ts}); 0 for non-TCP
     * @param responderFlags   OR of the responder's TCP flags ({@code tcp.tcp_flags_tc}); 0 for non-TCP
     * @param responderPackets {@code flow.pkts_toclient}
     */
    public static String of(Transport transport, int originatorFlags, int responderFlags, long responderPackets) {
        return switch (transport) {
            case TCP -> tcp(originatorFlags, responderFlags, responderPackets);
            // Zeek's conn_state() never looks past "is it TCP" for ICMP: it always answers OTH.
            case ICMP, ICMPV6 -> "OTH";
            default -> responderPackets > 0 ? "SF" : "S0";
        };
    }

    /** The rules of notes §2.3, one return per rule, in the order Zeek's precedence needs. */
    public static String tcp(int originatorFlags, int responderFlags, long responderPackets) {
        int ts = originatorFlags;
        int tc = responderFlags;
        boolean synAckFromResponder = synAck(tc);
        if ((ts & SYN) == 0) {
            if (synAckFromResponder) {
                if ((tc & RST) != 0) {
                    return "RSTRH";
                }
                return (tc & FIN) != 0 ? "SHR" : "OTH";
            }
            return "OTH";
        }
        if (responderPackets == 0 || tc == 0) {
            if ((ts & RST) != 0) {
                return "RSTOS0";
            }
            return (ts & FIN) != 0 ? "SH" : "S0";
        }
        if ((tc & RST) != 0 && !synAckFromResponder) {
            return "REJ";
        }
        if (!synAckFromResponder) {
            return "OTH";
        }
        if ((tc & RST) != 0) {
            return "RSTR";
        }
        if ((ts & RST) != 0) {
            return "RSTO";
        }
        if ((ts & FIN) != 0 && (tc & FIN) != 0) {
            return "SF";
        }
        if ((ts & FIN) != 0) {
            return "S2";
        }
        if ((tc & FIN) != 0) {
            return "S3";
        }
        return "S1";
    }

    /**
     * True when a TCP connection in this state never completed its handshake, so neither side can have sent
     * payload: S0, REJ, RSTOS0, SH, RSTRH, SHR, and OTH when the responder sent no SYN-ACK. Per-packet
     * header estimates would otherwise turn SYN padding into phantom payload.
     */
    public static boolean handshakeNeverCompleted(String connState, int responderFlags) {
        return switch (connState) {
            case "S0", "REJ", "RSTOS0", "SH", "RSTRH", "SHR" -> true;
            case "OTH" -> !synAck(responderFlags);
            default -> false;
        };
    }

    private static boolean synAck(int flags) {
        return (flags & SYN) != 0 && (flags & ACK) != 0;
    }
}
