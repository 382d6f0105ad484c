package org.flowscore.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import org.flowscore.flow.Connection;

/**
 * Writes connections as Zeek's JSON conn.log: one object per line, unset fields left out, times as epoch
 * seconds with six decimals; as Zeek, no duration or byte counts for a connection of zero duration. With a truth label, {@code label} and {@code detailed-label} keys are added.
 */
public final class ZeekJsonWriter {
    private final Writer out;
    private final JsonFactory factory = new JsonFactory();
    private final StringWriter buffer = new StringWriter(512);

    public ZeekJsonWriter(Writer out) {
        this.out = out;
    }

    public void write(Connection c) throws IOException {
        buffer.getBuffer().setLength(0);
        try (JsonGenerator g = factory.createGenerator(buffer)) {
            g.writeStartObject();
            g.writeFieldName("ts");
            g.writeNumber(ZeekTsvWriter.appendSeconds(new StringBuilder(), c.startMicros()).toString());
            optional(g, "uid", c.recordId());
            g.writeStringField("id.orig_h", c.key().sourceIp());
            g.writeNumberField("id.orig_p", c.key().sourcePort());
            g.writeStringField("id.resp_h", c.key().destinationIp());
            g.writeNumberField("id.resp_p", c.key().destinationPort());
            g.writeStringField("proto", c.transport().ecsName().equals("ipv6-icmp") ? "icmp" : c.transport().ecsName());
            optional(g, "service", c.service());
            if (c.durationMicros() > 0) {
                g.writeFieldName("duration");
                g.writeNumber(ZeekTsvWriter.appendSeconds(new StringBuilder(), c.durationMicros()).toString());
                g.writeNumberField("orig_bytes", c.orig().payloadBytes());
                g.writeNumberField("resp_bytes", c.resp().payloadBytes());
            }
            optional(g, "conn_state", c.connState());
            if (c.localOrig() != null) {
                g.writeBooleanField("local_orig", c.localOrig());
            }
            if (c.localResp() != null) {
                g.writeBooleanField("local_resp", c.localResp());
            }
            g.writeNumberField("missed_bytes", c.missedBytes());
            optional(g, "history", c.history());
            if (!c.tunnelParents().isEmpty()) {
                g.writeArrayFieldStart("tunnel_parents");
                for (String parent : c.tunnelParents()) {
                    g.writeString(parent);
                }
                g.writeEndArray();
            }
            g.writeNumberField("orig_pkts", c.orig().packets());
            g.writeNumberField("orig_ip_bytes", c.orig().ipBytes());
            g.writeNumberField("resp_pkts", c.resp().packets());
            g.writeNumberField("resp_ip_bytes", c.resp().ipBytes());
            if (c.truth() != null) {
                g.writeStringField("label", c.truth().label());
                optional(g, "detailed-label", c.truth().detail());
            }
            g.writeEndObject();
        }
        out.append(buffer.getBuffer()).append('\n');
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
