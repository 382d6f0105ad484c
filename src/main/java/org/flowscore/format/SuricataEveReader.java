package org.flowscore.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.flowscore.source.SourceLine;

/**
 * Reads Suricata EVE JSON (one event per line): {@code flow} and {@code netflow} events become connections,
 * every other event type is counted by name, bad lines are skipped with a reason.
 *
 * <p>Parsing uses Jackson's streaming parser straight over the line's bytes, with no tree or object binding,
 * because EVE files are large and mostly not flow events: unwanted objects are skipped without being built.
 *
 * <p>How a line Jackson rejects is classified, in this order:
 * <ol>
 *   <li>any C0 control byte other than TAB/CR/LF anywhere in the line: {@link SkipReason#BINARY_DATA}
 *       (JSON never allows them raw, so the line is not text);</li>
 *   <li>otherwise any ill-formed UTF-8 sequence in the line: {@link SkipReason#INVALID_UTF8};</li>
 *   <li>otherwise {@link SkipReason#MALFORMED_JSON} (syntax errors, truncation, garbage text).</li>
 * </ol>
 * A line that parses but is not one JSON object is {@link SkipReason#MALFORMED_JSON}; a blank line is
 * {@code NotAConnection("blank")}. One reader per input and thread: it reuses its buffers.
 */
public final class SuricataEveReader implements LogReader {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final ReaderContext context;
    private final EveFlowFields fields = new EveFlowFields();

    public SuricataEveReader(ReaderContext context) {
        this.context = context;
    }

    @Override
    public LineOutcome read(SourceLine line) {
        if (line.overlong()) {
            return new LineOutcome.Skipped(SkipReason.LINE_TOO_LONG,
                    "line " + line.number() + " starts '" + EveText.cut(line.preview(EveText.MAX_DETAIL_VALUE)) + "'");
        }
        byte[] bytes = line.bytes();
        if (line.isBlank()) {
            return new LineOutcome.NotAConnection("blank");
        }
        if (wouldBeTakenForUtf16or32(bytes)) {
            return rejected(bytes, "not UTF-8 text", "");
        }
        fields.reset();
        JsonParser parser = null;
        try {
            parser = JSON.createParser(bytes);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new LineOutcome.Skipped(SkipReason.MALFORMED_JSON,
                        "not a JSON object: '" + EveText.cut(line.preview(EveText.MAX_DETAIL_VALUE)) + "'");
            }
            readEvent(parser);
            if (parser.nextToken() != null) {
                return new LineOutcome.Skipped(SkipReason.MALFORMED_JSON,
                        "more than one JSON value on the line (byte " + parser.currentTokenLocation().getByteOffset() + ")");
            }
        } catch (JsonProcessingException e) {
            String where = parser == null ? "" : EveText.path(parser.getParsingContext());
            long at = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
            return rejected(bytes, e.getOriginalMessage() + (at >= 0 ? " (byte " + at + ")" : ""), where);
        } catch (IOException e) {
            // Byte-array input does no I/O; anything else Jackson raises is a decoding problem with the line.
            return rejected(bytes, e.getMessage(), "");
        } finally {
            closeQuietly(parser);
        }
        return fields.outcome(context);
    }

    private void readEvent(JsonParser p) throws IOException {
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "event_type" -> fields.eventType = eventType(p, t);
                case "flow_id" -> fields.flowId = EveValues.text(p, t);
                case "src_ip" -> fields.srcIp = EveValues.text(p, t);
                case "dest_ip" -> fields.destIp = EveValues.text(p, t);
                case "src_port" -> fields.srcPort = EveValues.bounded(p, t, "src_port", 0xFFFF, fields);
                case "dest_port" -> fields.destPort = EveValues.bounded(p, t, "dest_port", 0xFFFF, fields);
                case "proto" -> fields.proto = EveValues.text(p, t);
                case "icmp_type" -> fields.icmpType = Math.max(0, EveValues.bounded(p, t, "icmp_type", 0xFF, fields));
                case "icmp_code" -> fields.icmpCode = Math.max(0, EveValues.bounded(p, t, "icmp_code", 0xFF, fields));
                case "app_proto" -> fields.appProto = EveValues.text(p, t);
                case "app_proto_ts" -> fields.appProtoToServer = EveValues.text(p, t);
                case "app_proto_tc" -> fields.appProtoToClient = EveValues.text(p, t);
                // Flattened by a shipper, or moved there by a converter: used where the flow object lacks them.
                case "pkts_toserver" -> fields.rootPktsToServer = EveValues.count(p, t, "pkts_toserver", fields);
                case "pkts_toclient" -> fields.rootPktsToClient = EveValues.count(p, t, "pkts_toclient", fields);
                case "bytes_toserver" -> fields.rootBytesToServer = EveValues.count(p, t, "bytes_toserver", fields);
                case "bytes_toclient" -> fields.rootBytesToClient = EveValues.count(p, t, "bytes_toclient", fields);
                case "start" -> fields.rootStart = EveValues.text(p, t);
                case "end" -> fields.rootEnd = EveValues.text(p, t);
                case "flow" -> readFlow(p, t);
                case "netflow" -> readNetflow(p, t);
                case "tcp" -> readTcp(p, t);
                case "label" -> fields.label = EveValues.text(p, t);
                case "detailed_label" -> fields.detailedLabel = EveValues.text(p, t);
                default -> p.skipChildren();
            }
        }
    }

    /** Reads the members of one nested object ({@code flow}, {@code netflow}, {@code tcp}); anything else is skipped. */
    private static void readObject(JsonParser p, JsonToken t, MemberReader reader) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            p.skipChildren();
            return;
        }
        String name;
        while ((name = p.nextFieldName()) != null) {
            reader.read(name, p.nextToken());
        }
    }

    private interface MemberReader {
        void read(String name, JsonToken value) throws IOException;
    }

    private void readFlow(JsonParser p, JsonToken t) throws IOException {
        readObject(p, t, (name, v) -> {
            switch (name) {
                case "pkts_toserver" -> fields.pktsToServer = fields.flowCount(EveValues.count(p, v, "flow.pkts_toserver", fields));
                case "pkts_toclient" -> fields.pktsToClient = fields.flowCount(EveValues.count(p, v, "flow.pkts_toclient", fields));
                case "bytes_toserver" -> fields.bytesToServer = fields.flowCount(EveValues.count(p, v, "flow.bytes_toserver", fields));
                case "bytes_toclient" -> fields.bytesToClient = fields.flowCount(EveValues.count(p, v, "flow.bytes_toclient", fields));
                case "start" -> fields.start = EveValues.text(p, v);
                case "end" -> fields.end = EveValues.text(p, v);
                case "bypassed" -> readBypassed(p, v);
                default -> p.skipChildren();
            }
        });
    }

    /**
     * Packets a capture bypass let through uninspected (Suricata 6 and later, {@code flow.bypassed}): the
     * connection still carried them, so they count with the inspected ones.
     */
    private void readBypassed(JsonParser p, JsonToken t) throws IOException {
        readObject(p, t, (name, v) -> {
            switch (name) {
                case "pkts_toserver" -> fields.bypassedPktsToServer = EveValues.count(p, v, "flow.bypassed.pkts_toserver", fields);
                case "pkts_toclient" -> fields.bypassedPktsToClient = EveValues.count(p, v, "flow.bypassed.pkts_toclient", fields);
                case "bytes_toserver" -> fields.bypassedBytesToServer = EveValues.count(p, v, "flow.bypassed.bytes_toserver", fields);
                case "bytes_toclient" -> fields.bypassedBytesToClient = EveValues.count(p, v, "flow.bypassed.bytes_toclient", fields);
                default -> p.skipChildren();
            }
        });
    }

    private void readNetflow(JsonParser p, JsonToken t) throws IOException {
        readObject(p, t, (name, v) -> {
            switch (name) {
                case "pkts" -> fields.netflowPkts = EveValues.count(p, v, "netflow.pkts", fields);
                case "bytes" -> fields.netflowBytes = EveValues.count(p, v, "netflow.bytes", fields);
                case "start" -> fields.netflowStart = EveValues.text(p, v);
                case "end" -> fields.netflowEnd = EveValues.text(p, v);
                default -> p.skipChildren();
            }
        });
    }

    private void readTcp(JsonParser p, JsonToken t) throws IOException {
        readObject(p, t, (name, v) -> {
            switch (name) {
                case "tcp_flags" -> fields.tcpFlags = EveValues.hexFlags(p, v, "tcp.tcp_flags", fields);
                case "tcp_flags_ts" -> fields.tcpFlagsTs = EveValues.hexFlags(p, v, "tcp.tcp_flags_ts", fields);
                case "tcp_flags_tc" -> fields.tcpFlagsTc = EveValues.hexFlags(p, v, "tcp.tcp_flags_tc", fields);
                case "urg" -> {
                    fields.urg = v == JsonToken.VALUE_TRUE;
                    p.skipChildren();
                }
                default -> p.skipChildren();
            }
        });
    }

    /** Without a usable type nothing else can be judged, so a non-string one counts as a missing type. */
    private String eventType(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        fields.eventTypeProblem = "event_type is not a string: " + EveText.cut(p.getText());
        p.skipChildren();
        return null;
    }

    /**
     * Jackson guesses UTF-16/32 from zero bytes among the first four or from a UTF-16/32 byte-order mark; EVE is
     * always UTF-8, so such a line is rejected before Jackson can misread it as valid text.
     */
    private static boolean wouldBeTakenForUtf16or32(byte[] b) {
        int n = Math.min(4, b.length);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return b.length > 0 && (b[0] == (byte) 0xFE || b[0] == (byte) 0xFF);
    }

    private static LineOutcome rejected(byte[] bytes, String message, String path) {
        String where = path.isEmpty() ? "" : " in " + path;
        int control = EveText.firstControlByte(bytes);
        if (control >= 0) {
            return new LineOutcome.Skipped(SkipReason.BINARY_DATA,
                    "control byte " + EveText.hex(bytes[control]) + " at byte " + control + where);
        }
        int invalid = EveText.firstInvalidUtf8(bytes);
        if (invalid >= 0) {
            return new LineOutcome.Skipped(SkipReason.INVALID_UTF8,
                    "invalid UTF-8 byte " + EveText.hex(bytes[invalid]) + " at byte " + invalid + where);
        }
        String text = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
        return new LineOutcome.Skipped(SkipReason.MALFORMED_JSON, (path.isEmpty() ? "" : path + ": ") + shorten(text));
    }

    /** Jackson's messages are long; keep the start and the byte position at the end. */
    private static String shorten(String message) {
        int position = message.lastIndexOf(" (byte ");
        if (position < 0 || message.length() <= EveText.MAX_DETAIL_VALUE) {
            return EveText.cut(message);
        }
        return EveText.cut(message.substring(0, position)) + message.substring(position);
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // Closing a parser over a byte array releases buffers only; there is nothing to report.
            }
        }
    }
}
