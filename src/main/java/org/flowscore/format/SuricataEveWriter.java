package org.flowscore.format;

import org.flowscore.flow.TcpFlags;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.flowscore.flow.Connection;
import org.flowscore.flow.SuricataConnState;
import org.flowscore.flow.Transport;

/**
 * Writes connections as Suricata EVE {@code flow} events, the shape Suricata's flow logger gives them:
 * whole-frame byte counts (IP bytes plus a 14-byte Ethernet header per packet) and TCP flags ORed per
 * direction, chosen so that {@link SuricataConnState} derives the connection's own state back. A connection's
 * truth, when it has one, is written as top-level {@code label} and {@code detailed_label} (not Suricata's own
 * fields: they carry what {@code flowscore simulate} generated, for {@code evaluate} and {@code train}).
 */
public final class SuricataEveWriter {
    private static final DateTimeFormatter EVE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxx").withZone(ZoneOffset.UTC);
    private static final int ETHERNET_HEADER = 14;

    private final Writer out;
    private final JsonFactory factory = new JsonFactory();
    private final StringWriter buffer = new StringWriter(768);

    public SuricataEveWriter(Writer out) {
        this.out = out;
    }

    public void write(Connection c) throws IOException {
        buffer.getBuffer().setLength(0);
        try (JsonGenerator g = factory.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeStringField("timestamp", time(c.endMicros()));
            g.writeNumberField("flow_id", flowId(c.recordId()));
            g.writeStringField("event_type", "flow");
            g.writeStringField("src_ip", c.key().sourceIp());
            boolean icmp = c.transport().isIcmp();
            if (!icmp) {
                g.writeNumberField("src_port", c.key().sourcePort());
            }
            g.writeStringField("dest_ip", c.key().destinationIp());
            if (!icmp) {
                g.writeNumberField("dest_port", c.key().destinationPort());
            }
            g.writeStringField("proto", protoName(c));
            if (icmp) {
                g.writeNumberField("icmp_type", c.key().sourcePort());
                g.writeNumberField("icmp_code", c.key().destinationPort());
            }
            if (c.service() != null && !c.service().isEmpty()) {
                g.writeStringField("app_proto", c.service().split(",")[0]);
            }
            g.writeObjectFieldStart("flow");
            g.writeNumberField("pkts_toserver", c.orig().packets());
            g.writeNumberField("pkts_toclient", c.resp().packets());
            g.writeNumberField("bytes_toserver", frameBytes(c.orig().ipBytes(), c.orig().packets()));
            g.writeNumberField("bytes_toclient", frameBytes(c.resp().ipBytes(), c.resp().packets()));
            g.writeStringField("start", time(c.startMicros()));
            g.writeStringField("end", time(c.endMicros()));
            g.writeNumberField("age", c.durationMicros() / 1_000_000);
            g.writeStringField("state", c.resp().packets() > 0 ? "closed" : "new");
            g.writeStringField("reason", "timeout");
            g.writeBooleanField("alerted", false);
            g.writeEndObject();
            if (c.transport() == Transport.TCP) {
                int[] flags = flagsFor(c.connState());
                g.writeObjectFieldStart("tcp");
                g.writeStringField("tcp_flags", hex(flags[0] | flags[1]));
                g.writeStringField("tcp_flags_ts", hex(flags[0]));
                g.writeStringField("tcp_flags_tc", hex(flags[1]));
                g.writeEndObject();
            }
            if (c.truth() != null) {
                g.writeStringField("label", c.truth().label());
                if (c.truth().detail() != null) {
                    g.writeStringField("detailed_label", c.truth().detail());
                }
            }
            g.writeEndObject();
        }
        out.append(buffer.getBuffer()).append('\n');
    }

    /** Originator and responder flag ORs that {@link SuricataConnState#tcp} maps back to {@code state}. */
    static int[] flagsFor(String state) {
        int fin = TcpFlags.FIN;
        int syn = TcpFlags.SYN;
        int rst = TcpFlags.RST;
        int psh = TcpFlags.PSH;
        int ack = TcpFlags.ACK;
        int established = syn | ack;
        int closed = syn | ack | psh | fin;
        return switch (state == null ? "OTH" : state) {
            case "S0" -> new int[] {syn, 0};
            case "REJ" -> new int[] {syn, rst | ack};
            case "S1" -> new int[] {established | psh, established | psh};
            case "SF" -> new int[] {closed, closed};
            case "S2" -> new int[] {closed, established | psh};
            case "S3" -> new int[] {established | psh, closed};
            case "RSTO" -> new int[] {established | rst, established};
            case "RSTR" -> new int[] {established, established | rst};
            case "RSTOS0" -> new int[] {syn | rst, 0};
            case "SH" -> new int[] {syn | fin, 0};
            case "RSTRH" -> new int[] {0, established | rst};
            case "SHR" -> new int[] {0, established | fin};
            default -> new int[] {ack, ack};
        };
    }

    private static long frameBytes(long ipBytes, long packets) {
        return ipBytes + ETHERNET_HEADER * packets;
    }

    private static String protoName(Connection c) {
        return switch (c.transport()) {
            case TCP -> "TCP";
            case UDP -> "UDP";
            case ICMP -> "ICMP";
            case ICMPV6 -> "IPv6-ICMP";
            case SCTP -> "SCTP";
            case OTHER -> String.format("%03d", c.key().ipProto());
        };
    }

    /** Suricata's flow ids are numbers; a Zeek uid becomes a stable positive number derived from it. */
    private static long flowId(String recordId) {
        if (recordId != null) {
            try {
                return Long.parseLong(recordId);
            } catch (NumberFormatException e) {
                return recordId.hashCode() & 0x7fffffffL | ((long) recordId.length() << 32);
            }
        }
        return 0;
    }

    private static String hex(int flags) {
        return String.format("%02x", flags);
    }

    private static String time(long micros) {
        return EVE_TIME.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
                Math.floorMod(micros, 1_000_000) * 1000L));
    }
}
