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
 * header ({@code id.orig_h}), unset fields left out or {@code null}. A nested {@code "id": {"orig_h": ...}}
 * object, as some tools re-emit it, is read as the flat {@code id.*} keys. Keys flowscore does not use, and
 * array or object values (such as {@code tunnel_parents}), are skipped.
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

    private final ZeekConnAssembler assembler;

    public ZeekJsonReader(ReaderContext context) {
        this.assembler = new ZeekConnAssembler(context, SourceFormat.ZEEK_JSON);
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
            if (!readFields(parser, false)) {
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
        return assembler.build();
    }

    /** Reads the current object's members up to its end; false when the input ends first. */
    private boolean readFields(JsonParser parser, boolean insideId) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == null) {
                return false;
            }
            // The nested form is rare, so building the flat name there costs the common case nothing.
            ZeekConnField field = ZeekConnField.byName(insideId ? "id." + name : name);
            if (field != null && value.isScalarValue()) {
                assembler.set(field, value == JsonToken.VALUE_NULL ? null : parser.getText());
            } else if (!insideId && value == JsonToken.START_OBJECT && name.equals("id")) {
                // files.log and x509.log use a string "id"; only the object form is the 5-tuple.
                if (!readFields(parser, true)) {
                    return false;
                }
            } else {
                parser.skipChildren();
            }
        }
        return token == JsonToken.END_OBJECT;
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
