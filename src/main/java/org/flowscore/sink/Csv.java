package org.flowscore.sink;

/** RFC 4180 quoting, shared by the CSV writers. */
final class Csv {
    private Csv() {
    }

    /** A field quoted only when it must be (RFC 4180): when it holds a comma, quote or line break. */
    static String field(String s) {
        if (s == null) {
            return "";
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + s.replace("\"", "\"\"") + '"';
            }
        }
        return s;
    }
}
