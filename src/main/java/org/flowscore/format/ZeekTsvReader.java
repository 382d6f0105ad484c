package org.flowscore.format;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.flowscore.flow.SourceFormat;
import org.flowscore.source.SourceLine;

/**
 * Reads Zeek's tab-separated conn.log, driven by each header block it meets: {@code #separator} starts a
 * new block (so concatenated or rotated files switch schema mid-stream), {@code #fields} names the columns,
 * {@code #unset_field} and {@code #empty_field} give the placeholders. Columns are found by name, so old Bro
 * schemas, an extra leading {@code _node_name} and the newest {@code ip_proto} column all read alike.
 */
public final class ZeekTsvReader implements LogReader {
    private static final LineOutcome HEADER = new LineOutcome.NotAConnection("header");
    private static final LineOutcome BLANK = new LineOutcome.NotAConnection("blank");

    private final ZeekConnAssembler assembler;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private String separator = "\t";
    private String unsetField = "-";
    /** Joins the members of a set ({@code tunnel_parents}); the assembler expects them joined by a comma. */
    private String setSeparator = ",";
    private String emptyField = "(empty)";
    private String path;
    private ZeekTsvHeader header;

    public ZeekTsvReader(ReaderContext context) {
        this.assembler = new ZeekConnAssembler(context, SourceFormat.ZEEK_TSV);
    }

    @Override
    public LineOutcome read(SourceLine line) {
        if (line.overlong()) {
            return new LineOutcome.Skipped(SkipReason.LINE_TOO_LONG, "longer than the line limit");
        }
        String text;
        try {
            text = decode(line.bytes());
        } catch (CharacterCodingException e) {
            return new LineOutcome.Skipped(SkipReason.INVALID_UTF8, "bytes that are not UTF-8");
        }
        if (text == null) {
            return new LineOutcome.Skipped(SkipReason.BINARY_DATA, "control characters in a text log");
        }
        int first = firstNonBlank(text);
        if (first == text.length()) {
            return BLANK;
        }
        if (text.charAt(first) == '#') {
            return directive(first == 0 ? text : text.substring(first));
        }
        if (header == null) {
            return new LineOutcome.Skipped(SkipReason.NO_HEADER, "no #fields line before this record");
        }
        if (!header.describesConnections()) {
            return new LineOutcome.Skipped(SkipReason.NOT_CONN_LOG,
                    "#path " + (header.path() == null ? "without conn fields" : header.path()));
        }
        return record(text);
    }

    private LineOutcome directive(String text) {
        if (text.startsWith("#separator")) {
            // A new header block: everything it does not repeat goes back to Zeek's defaults.
            separator = unescape(text.substring("#separator".length()).trim());
            unsetField = "-";
            setSeparator = ",";
            emptyField = "(empty)";
            path = null;
            header = null;
            return HEADER;
        }
        int sep = text.indexOf(separator);
        String name = sep < 0 ? text : text.substring(0, sep);
        String value = sep < 0 ? "" : text.substring(sep + separator.length());
        switch (name) {
            case "#unset_field" -> unsetField = value;
            case "#set_separator" -> setSeparator = value.isEmpty() ? "," : value;
            case "#empty_field" -> emptyField = value;
            case "#path" -> path = value;
            case "#fields" -> header = ZeekTsvHeader.fromFields(separator, unsetField, emptyField, path,
                    List.of(split(value, separator, -1)));
            default -> {
                // #open, #close, #types and comments carry nothing a connection needs.
            }
        }
        return HEADER;
    }

    private LineOutcome record(String text) {
        ZeekConnField[] columns = header.columns();
        String[] values = split(text, separator, columns.length);
        if (values == null) {
            return new LineOutcome.Skipped(SkipReason.WRONG_COLUMN_COUNT,
                    "expected " + columns.length + " columns, got " + countColumns(text));
        }
        assembler.reset();
        for (int i = 0; i < columns.length; i++) {
            if (i == header.packedColumn()) {
                LineOutcome bad = setPacked(values[i]);
                if (bad != null) {
                    return bad;
                }
            } else if (columns[i] == ZeekConnField.TUNNEL_PARENTS) {
                String set = value(values[i]);
                assembler.set(columns[i], set == null || setSeparator.equals(",") ? set : set.replace(setSeparator, ","));
            } else if (columns[i] != null) {
                assembler.set(columns[i], value(values[i]));
            }
        }
        return assembler.build();
    }

    private LineOutcome setPacked(String packed) {
        ZeekConnField[] fields = header.packedFields();
        String[] parts = packed.split(ZeekTsvHeader.PACKED_JOIN, -1);
        if (parts.length != fields.length) {
            return new LineOutcome.Skipped(SkipReason.WRONG_COLUMN_COUNT,
                    "expected " + fields.length + " space-joined values in the last column, got " + parts.length);
        }
        for (int i = 0; i < parts.length; i++) {
            if (fields[i] != null) {
                assembler.set(fields[i], value(parts[i].trim()));
            }
        }
        return null;
    }

    private String value(String raw) {
        if (raw.equals(unsetField)) {
            return null;
        }
        return raw.equals(emptyField) ? "" : raw;
    }

    /**
     * Splits on the separator. With {@code expected >= 0}, returns null unless there are exactly that many
     * columns, without allocating past the expected count.
     */
    private static String[] split(String text, String separator, int expected) {
        if (expected < 0) {
            return text.split(java.util.regex.Pattern.quote(separator), -1);
        }
        String[] out = new String[expected];
        int n = 0;
        int start = 0;
        int step = separator.length();
        while (true) {
            int next = step == 1 ? text.indexOf(separator.charAt(0), start) : text.indexOf(separator, start);
            if (n == expected) {
                return null;
            }
            if (next < 0) {
                out[n++] = text.substring(start);
                return n == expected ? out : null;
            }
            out[n++] = text.substring(start, next);
            start = next + step;
        }
    }

    private int countColumns(String text) {
        return split(text, separator, -1).length;
    }

    /** Decodes {@code #separator}'s value, which Zeek writes with {@code \xHH} escapes. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int hex = c == '\\' && i + 3 < s.length() && s.charAt(i + 1) == 'x'
                    ? hexByte(s.charAt(i + 2), s.charAt(i + 3)) : -1;
            if (hex >= 0) {
                out.append((char) hex);
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.isEmpty() ? "\t" : out.toString();
    }

    private static int hexByte(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }

    /**
     * ASCII lines (nearly all) decode without a decoder. Returns null when the line holds control
     * characters other than tab: Zeek escapes those as {@code \xHH}, so raw ones mean binary data.
     */
    private String decode(byte[] bytes) throws CharacterCodingException {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
            } else if (b < 0x20 && b != '\t') {
                return null;
            }
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return utf8.decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static int firstNonBlank(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
