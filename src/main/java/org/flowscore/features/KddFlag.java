package org.flowscore.features;

import org.flowscore.flow.Connection;
import org.flowscore.flow.Transport;

/**
 * The NSL-KDD {@code flag} of a connection, from Zeek's {@code conn_state} (or the state a Suricata reader
 * derived in the same vocabulary). KDD's flags are the states of the Bro function Zeek still uses, minus the
 * two newer ones: {@code RSTRH} becomes {@code RSTR} (a reset from the responder is the closest KDD state)
 * and {@code SHR} becomes {@code OTH}. A missing or unknown TCP state is {@code OTH}.
 *
 * <p>Non-TCP connections are {@code SF} by default, as in KDD, where every UDP and ICMP record is SF. With
 * {@code nonTcpAsSf = false} a UDP (or SCTP, or other) connection keeps its mapped Zeek state, so an
 * unanswered UDP query is {@code S0} and counts as a SYN error, and ICMP is {@code OTH}, as Zeek logs it.
 *
 * <p>Error classes are computed on the mapped flag: serror = S0, S1, S2 or S3 and rerror = REJ, as the two
 * reference extractors and the gureKDD documentation define them (notes §1.5).
 */
public final class KddFlag {
    public static final int SF = KddSchema.FLAGS.indexOf("SF");
    public static final int S0 = KddSchema.FLAGS.indexOf("S0");
    public static final int REJ = KddSchema.FLAGS.indexOf("REJ");
    public static final int RSTR = KddSchema.FLAGS.indexOf("RSTR");
    public static final int SH = KddSchema.FLAGS.indexOf("SH");
    public static final int RSTO = KddSchema.FLAGS.indexOf("RSTO");
    public static final int S1 = KddSchema.FLAGS.indexOf("S1");
    public static final int RSTOS0 = KddSchema.FLAGS.indexOf("RSTOS0");
    public static final int S3 = KddSchema.FLAGS.indexOf("S3");
    public static final int S2 = KddSchema.FLAGS.indexOf("S2");
    public static final int OTH = KddSchema.FLAGS.indexOf("OTH");

    private final boolean nonTcpAsSf;

    public KddFlag(boolean nonTcpAsSf) {
        this.nonTcpAsSf = nonTcpAsSf;
    }

    /** The flag as an index into {@link KddSchema#FLAGS}. */
    public int index(Connection connection) {
        Transport transport = connection.transport();
        if (transport == Transport.TCP) {
            return fromConnState(connection.connState());
        }
        if (nonTcpAsSf) {
            return SF;
        }
        return transport.isIcmp() ? OTH : fromConnState(connection.connState());
    }

    public String name(Connection connection) {
        return KddSchema.FLAGS.get(index(connection));
    }

    /** A Zeek {@code conn_state} mapped onto the 11 KDD flags; null or unknown gives {@code OTH}. */
    public static int fromConnState(String state) {
        if (state == null) {
            return OTH;
        }
        return switch (state) {
            case "SF" -> SF;
            case "S0" -> S0;
            case "S1" -> S1;
            case "S2" -> S2;
            case "S3" -> S3;
            case "REJ" -> REJ;
            case "RSTO" -> RSTO;
            case "RSTR", "RSTRH" -> RSTR;
            case "RSTOS0" -> RSTOS0;
            case "SH" -> SH;
            default -> OTH; // OTH itself, SHR, and anything this version does not know
        };
    }

    /** A "SYN error" in KDD's sense: the handshake or the teardown did not complete. */
    public static boolean isSerror(int flag) {
        return flag == S0 || flag == S1 || flag == S2 || flag == S3;
    }

    /** A "REJ error": the responder refused the connection. */
    public static boolean isRerror(int flag) {
        return flag == REJ;
    }
}
