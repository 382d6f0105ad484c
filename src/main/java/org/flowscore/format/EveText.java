package org.flowscore.format;

import com.fasterxml.jackson.core.JsonStreamContext;

/** Small text helpers for EVE skip details and for telling binary data and bad UTF-8 from bad JSON. */
final class EveText {
    static final int MAX_DETAIL_VALUE = 60;

    private EveText() {
    }

    /** Cuts a value for a skip detail and hides control characters, which would garble a terminal. */
    static String cut(String s) {
        if (s == null) {
            return "null";
        }
        String shown = s.length() <= MAX_DETAIL_VALUE ? s : s.substring(0, MAX_DETAIL_VALUE) + "…";
        StringBuilder out = null;
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                if (out == null) {
                    out = new StringBuilder(shown.length()).append(shown, 0, i);
                }
                out.append('?');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? shown : out.toString();
    }

    /**
     * Index of the first C0 control byte other than TAB, LF and CR, or -1. JSON allows none of them raw,
     * neither between tokens nor inside strings, and text logs never contain them: such a byte means binary
     * data (a corrupted or wrongly chosen file), not a JSON typo.
     */
    static int firstControlByte(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            int c = b[i];
            if (c >= 0 && c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
    static int firstInvalidUtf8(byte[] b) {
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int length;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                length = 2;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                length = 3;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                length = 4;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + length > b.length) {
                return i;
            }
            int cp = c & (0xFF >> (length + 1));
            for (int k = 1; k < length; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return i;
                }
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    /** The dotted field path the parser was in ({@code flow.start}), or "" at the top level. */
    static String path(JsonStreamContext context) {
        String path = "";
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            String name = c.inObject() ? c.getCurrentName() : null;
            if (name != null) {
                path = path.isEmpty() ? name : name + "." + path;
            }
        }
        return path;
    }

    static String hex(byte b) {
        return String.format("0x%02X", b & 0xFF);
    }
}
