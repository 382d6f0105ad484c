package org.flowscore.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.CharConversionException;
import java.io.IOException;
import org.flowscore.flow.SourceFormat;
import org.flowscore.source.SourceLine;

/**
 * Reads a Zeek {@code conn.log} written by Zeek's JSON writer: one object per line, keys named as in the TSV
 * header ({@code id.orig_h}), unset fields left out or {@code null}. The forms sensors write are all read:
 * <ul>
 *   <li>the scope separator of {@code id.orig_h}: {@code .}, or whatever {@code Log::default_scope_sep} makes
 *       it ({@code id_orig_h}), learned from the first record or configured ({@link ZeekScope});</li>
 *   <li>a nested {@code "id": {"orig_h": ...}} object, as some tools re-emit it;</li>
 *   <li>{@code ts} as epoch seconds, integer epoch milliseconds ({@code JSON::TS_MILLIS}) or ISO-8601;</li>
 *   <li>zeek-kafka's {@code tag_json} envelope, {@code {"conn": {...}}}: the record inside is read as the
 *       root, and an envelope of another log ({@code {"dns": {...}}}) is not a connection;</li>
 *   <li>{@code tunnel_parents} as an array of uids.</li>
 * </ul>
 * Other keys (shippers' {@code @stream}, {@code @system}, {@code _path}, Zeek's {@code orig_l2_addr}) and other
 * nested values are skipped without being built.
 *
 * <p>How a bad line is counted:
 * <ul>
 *   <li>a line that is not exactly one JSON object is {@link SkipReason#BINARY_DATA} when it holds a control
 *       byte (below 0x20 other than tab, CR and LF, or 0x7F) outside a JSON string - the line is not text at
 *       all; else {@link SkipReason#INVALID_UTF8} when the parser met a bad UTF-8 sequence; else
 *       {@link SkipReason#MALFORMED_JSON} (syntax error, truncation, an array or scalar, text after the
 *       object, a control byte inside a string);</li>
 *   <li>a well-formed object without any conn-only field (a {@code dns.log} line fed by mistake) is
 *       {@link SkipReason#NOT_CONN_LOG};</li>
 *   <li>field values are judged by {@link ZeekConnAssembler}, shared with the TSV reader.</li>
 * </ul>
 * A blank line is {@link LineOutcome.NotAConnection} of kind {@code blank}.
 */
public final class ZeekJsonReader implements LogReader {
    /** Thread-safe and costly to build; its field-name symbol table is shared by every parser. */
    private static final JsonFactory JSON = new JsonFactory();
    private static final int PREVIEW_CHARS = 80;

    /** zeek-kafka's {@code tag_json} wraps each record in an object named after its log. */
    private static final String CONN_ENVELOPE = "conn";

    private final ZeekConnAssembler assembler;
    private final ZeekScope scope;
    private final StringBuilder joined = new StringBuilder();

    public ZeekJsonReader(ReaderContext context) {
        this.assembler = new ZeekConnAssembler(context, SourceFormat.ZEEK_JSON);
        this.scope = new ZeekScope(context.zeekScopeSeparator());
    }

    @Override
    public LineOutcome read(SourceLine line) {
        if (line.overlong()) {
            return new LineOutcome.Skipped(SkipReason.LINE_TOO_LONG, line.preview(PREVIEW_CHARS));
        }
        if (line.isBlank()) {
            return new LineOutcome.NotAConnection("blank");
        }
        byte[] bytes = line.bytes();
        assembler.reset();
        try (JsonParser parser = JSON.createParser(bytes, 0, bytes.length)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                return unreadable(bytes, SkipReason.MALFORMED_JSON, "not a JSON object: " + first);
            }
            if (!readRoot(parser, true)) {
                return unreadable(bytes, SkipReason.MALFORMED_JSON, "unterminated object");
            }
            if (parser.nextToken() != null) {
                return unreadable(bytes, SkipReason.MALFORMED_JSON, "more after the JSON object");
            }
        } catch (IOException e) {
            boolean utf8 = e instanceof CharConversionException
                    || (e.getMessage() != null && e.getMessage().contains("Invalid UTF-8"));
            return unreadable(bytes, utf8 ? SkipReason.INVALID_UTF8 : SkipReason.MALFORMED_JSON, message(e));
        }
        if (!assembler.looksLikeConnRecord()) {
            return new LineOutcome.Skipped(SkipReason.NOT_CONN_LOG, line.preview(PREVIEW_CHARS));
        }
        return assembler.build(scope::nameOf);
    }

    /**
     * Reads the record's members up to the end of the current object; false when the input ends first.
     * {@code outermost} is true for the line's own object, where a {@code conn} envelope may open.
     */
    private boolean readRoot(JsonParser parser, boolean outermost) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == null) {
                return false;
            }
            ZeekConnField field = scope.field(name);
            if (field == ZeekConnField.TUNNEL_PARENTS && value == JsonToken.START_ARRAY) {
                if (!readSet(parser, field)) {
                    return false;
                }
            } else if (field != null && value.isScalarValue()) {
                assembler.set(field, value == JsonToken.VALUE_NULL ? null : parser.getText());
            } else if (value == JsonToken.START_OBJECT && name.equals("id")) {
                // files.log and x509.log use a string "id"; only the object form is the 5-tuple.
                if (!readId(parser)) {
                    return false;
                }
            } else if (outermost && value == JsonToken.START_OBJECT && name.equals(CONN_ENVELOPE)) {
                if (!readRoot(parser, false)) {
                    return false;
                }
            } else {
                parser.skipChildren();
            }
        }
        return token == JsonToken.END_OBJECT;
    }

    /** The nested {@code id} object's members, read as the flat {@code id.*} fields. */
    private boolean readId(JsonParser parser) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            ZeekConnField field = ZeekScope.idField(parser.currentName());
            JsonToken value = parser.nextToken();
            if (value == null) {
                return false;
            }
            if (field != null && value.isScalarValue()) {
                assembler.set(field, value == JsonToken.VALUE_NULL ? null : parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        return token == JsonToken.END_OBJECT;
    }

    /** A JSON array of strings, handed on joined by commas as the TSV form joins a set; other members skipped. */
    private boolean readSet(JsonParser parser, ZeekConnField field) throws IOException {
        joined.setLength(0);
        JsonToken token;
        while ((token = parser.nextToken()) != null && token != JsonToken.END_ARRAY) {
            if (token == JsonToken.VALUE_STRING && !parser.getText().isEmpty()) {
                if (!joined.isEmpty()) {
                    joined.append(',');
                }
                joined.append(parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        assembler.set(field, joined.toString());
        return token == JsonToken.END_ARRAY;
    }

    /** Applies the binary-data rule first: any parse failure on a line that is not text is reported as such. */
    private static LineOutcome unreadable(byte[] bytes, SkipReason otherwise, String detail) {
        int at = controlByteOutsideStrings(bytes);
        if (at >= 0) {
            return new LineOutcome.Skipped(SkipReason.BINARY_DATA,
                    String.format("control byte 0x%02x at byte %d", bytes[at] & 0xFF, at));
        }
        return new LineOutcome.Skipped(otherwise, detail);
    }

    /** Index of the first control byte outside a JSON string, or -1. */
    static int controlByteOutsideStrings(byte[] bytes) {
        boolean inString = false;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if ((b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != '\n') || b == 0x7F) {
                return i;
            }
        }
        return -1;
    }

    private static String message(IOException e) {
        String m = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int newline = m.indexOf('\n');
        return newline >= 0 ? m.substring(0, newline) : m;
    }
}
