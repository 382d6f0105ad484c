package org.flowscore.format;

import java.io.IOException;
import java.io.Writer;
import org.flowscore.flow.Connection;

/**
 * Writes connections as Zeek's TSV conn.log (current schema, with a header block), so generated or
 * transformed traffic reads back through {@link ZeekTsvReader} like a real sensor's log. With labels on,
 * the IoT-23 columns {@code label} and {@code detailed-label} are added as real tab-separated columns. As Zeek,
 * it leaves duration and byte counts unset for a connection of zero duration (a lone packet).
 */
public final class ZeekTsvWriter {
    private static final String FIELDS = "ts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice"
            + "\tduration\torig_bytes\tresp_bytes\tconn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory"
            + "\torig_pkts\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\ttunnel_parents";
    private static final String TYPES = "time\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount"
            + "\tstring\tbool\tbool\tcount\tstring\tcount\tcount\tcount\tcount\tset[string]";

    private final Writer out;
    private final boolean labels;
    private final StringBuilder line = new StringBuilder(256);

    public ZeekTsvWriter(Writer out, boolean labels) {
        this.out = out;
        this.labels = labels;
    }

    /** The header block Zeek writes at the top of every file; {@code open} is its {@code #open} time text. */
    public void writeHeader(String open) throws IOException {
        out.write("#separator \\x09\n#set_separator\t,\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n");
        out.write("#open\t" + open + "\n");
        out.write("#fields\t" + FIELDS + (labels ? "\tlabel\tdetailed-label" : "") + "\n");
        out.write("#types\t" + TYPES + (labels ? "\tstring\tstring" : "") + "\n");
    }

    public void writeFooter(String close) throws IOException {
        out.write("#close\t" + close + "\n");
    }

    public void write(Connection c) throws IOException {
        line.setLength(0);
        appendSeconds(line, c.startMicros()).append('\t');
        text(c.recordId()).append('\t');
        line.append(c.key().sourceIp()).append('\t').append(c.key().sourcePort()).append('\t');
        line.append(c.key().destinationIp()).append('\t').append(c.key().destinationPort()).append('\t');
        line.append(c.transport().ecsName().equals("ipv6-icmp") ? "icmp" : c.transport().ecsName()).append('\t');
        text(c.service()).append('\t');
        if (c.durationMicros() == 0) {
            line.append("-\t-\t-\t");
        } else {
            appendSeconds(line, c.durationMicros()).append('\t');
            line.append(c.orig().payloadBytes()).append('\t').append(c.resp().payloadBytes()).append('\t');
        }
        text(c.connState()).append('\t');
        bool(c.localOrig()).append('\t');
        bool(c.localResp()).append('\t');
        line.append(c.missedBytes()).append('\t');
        text(c.history()).append('\t');
        line.append(c.orig().packets()).append('\t').append(c.orig().ipBytes()).append('\t');
        line.append(c.resp().packets()).append('\t').append(c.resp().ipBytes()).append('\t');
        line.append(c.tunnelParents().isEmpty() ? "-" : String.join(",", c.tunnelParents()));
        if (labels) {
            line.append('\t');
            text(c.truth() == null ? null : c.truth().label()).append('\t');
            text(c.truth() == null ? null : c.truth().detail());
        }
        out.append(line.append('\n'));
    }

    /** Microseconds as Zeek prints times and intervals: seconds with six decimals. */
    static StringBuilder appendSeconds(StringBuilder sb, long micros) {
        long fraction = micros % 1_000_000;
        sb.append(micros / 1_000_000).append('.');
        String digits = Long.toString(fraction);
        for (int i = digits.length(); i < 6; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }

    private StringBuilder text(String s) {
        return line.append(s == null ? "-" : s.isEmpty() ? "(empty)" : s);
    }

    private StringBuilder bool(Boolean b) {
        return line.append(b == null ? "-" : b ? "T" : "F");
    }
}
