package org.flowscore.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads one EVE value at the parser's current token. A wrong value is recorded in the event's fields
 * (see {@link EveFlowFields#fail}) rather than thrown, since it matters only for connection events.
 */
final class EveValues {
    private EveValues() {
    }

    /** A scalar as text (numbers keep their exact decimal form); null for JSON null or a structure. */
    static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        return t == JsonToken.VALUE_NULL ? null : p.getText();
    }

    /**
     * A non-negative count: a JSON integer, or a string of digits (some converters quote numbers).
     * Null counts as 0, like an absent key.
     */
    static long count(JsonParser p, JsonToken t, String field, EveFlowFields fields) throws IOException {
        long v = countOrAbsent(p, t, field, fields);
        return Math.max(v, 0);
    }

    /** A count no larger than {@code max}, or {@link EveFlowFields#ABSENT} when null or wrong. */
    static int bounded(JsonParser p, JsonToken t, String field, int max, EveFlowFields fields) throws IOException {
        long v = countOrAbsent(p, t, field, fields);
        if (v > max) {
            fields.fail(SkipReason.BAD_NUMBER, field + " '" + v + "' is over " + max);
            return EveFlowFields.ABSENT;
        }
        return (int) v;
    }

    /** Suricata's two-hex-digit flag byte ({@code "1b"}); {@link EveFlowFields#ABSENT} when null or wrong. */
    static int hexFlags(JsonParser p, JsonToken t, String field, EveFlowFields fields) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return EveFlowFields.ABSENT;
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            int v = hex(s);
            if (v >= 0) {
                return v;
            }
        }
        return wrong(p, t, field, fields);
    }

    private static long countOrAbsent(JsonParser p, JsonToken t, String field, EveFlowFields fields)
            throws IOException {
        switch (t) {
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                    long v = p.getLongValue();
                    if (v >= 0) {
                        return v;
                    }
                }
            }
            case VALUE_STRING -> {
                long v = digits(p.getText());
                if (v >= 0) {
                    return v;
                }
            }
            case VALUE_NULL -> {
                return EveFlowFields.ABSENT;
            }
            default -> {
            }
        }
        return wrong(p, t, field, fields);
    }

    private static int wrong(JsonParser p, JsonToken t, String field, EveFlowFields fields) throws IOException {
        String shown = t == JsonToken.START_OBJECT ? "an object" : t == JsonToken.START_ARRAY ? "an array"
                : "'" + EveText.cut(p.getText()) + "'";
        p.skipChildren();
        fields.fail(SkipReason.BAD_NUMBER, field + " " + shown);
        return EveFlowFields.ABSENT;
    }

    private static long digits(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static int hex(String s) {
        if (s.isEmpty() || s.length() > 2) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }
}
