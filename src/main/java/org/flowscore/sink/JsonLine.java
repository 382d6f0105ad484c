package org.flowscore.sink;

/**
 * One JSON document built into a reused buffer, the way Jackson's default generator writes it (compact, the
 * same string escapes, numbers as {@link Double#toString} and {@link Long#toString} write them), but with
 * member names encoded once ({@link Name}) and nothing allocated per value: rendering is most of what
 * {@code score} does, so it must cost little more than copying characters. Not thread-safe: one per thread.
 */
final class JsonLine {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** A member name with its quotes and colon, encoded once. */
    record Name(String encoded) {
        static Name of(String name) {
            StringBuilder text = new StringBuilder(name.length() + 3);
            escaped(text, name);
            return new Name(text.append(':').toString());
        }
    }

    private final StringBuilder out = new StringBuilder(4096);
    private final IsoTimestamps times = new IsoTimestamps();
    /** Whether the next member or element is the first of its object or array: no comma before it. */
    private boolean first;

    /** Starts a new document, dropping what the buffer held. */
    JsonLine begin() {
        out.setLength(0);
        out.append('{');
        first = true;
        return this;
    }

    /** Ends the document and returns it. */
    String end() {
        out.append('}');
        return out.toString();
    }

    /** The characters written so far, for a caller that splices a copy of the document. */
    StringBuilder text() {
        return out;
    }

    JsonLine object(Name name) {
        member(name).append('{');
        first = true;
        return this;
    }

    JsonLine endObject() {
        out.append('}');
        first = false;
        return this;
    }

    JsonLine array(Name name) {
        member(name).append('[');
        first = true;
        return this;
    }

    JsonLine endArray() {
        out.append(']');
        first = false;
        return this;
    }

    /** An object as the next array element. */
    JsonLine element() {
        comma().append('{');
        first = true;
        return this;
    }

    JsonLine value(String text) {
        escaped(comma(), text);
        return this;
    }

    JsonLine field(Name name, String text) {
        escaped(member(name), text);
        return this;
    }

    JsonLine field(Name name, long number) {
        member(name).append(number);
        return this;
    }

    JsonLine field(Name name, double number) {
        StringBuilder to = member(name);
        if (hundredths(to, number)) {
            return this;
        }
        if (Double.isFinite(number)) {
            to.append(number);
        } else {
            // What Jackson writes by default: a non-finite number as a quoted token.
            to.append('"').append(number).append('"');
        }
        return this;
    }

    /**
     * Writes a number that is a whole number of hundredths below 10 million (most rates and scores) the way
     * {@link Double#toString} does, without its general algorithm: the shortest decimal that reads back as the
     * same double has at most two fraction digits then. Returns false, writing nothing, for any other number.
     */
    static boolean hundredths(StringBuilder to, double number) {
        double scaled = number * 100;
        if (!(Math.abs(scaled) < 1e9)) {
            return false;
        }
        long cents = Math.round(scaled);
        if (cents / 100.0 != number || cents == 0 && Double.doubleToRawLongBits(number) != 0) {
            return false;
        }
        if (cents < 0) {
            to.append('-');
            cents = -cents;
        }
        long fraction = cents % 100;
        to.append(cents / 100).append('.');
        if (fraction == 0) {
            to.append('0');
        } else if (fraction % 10 == 0) {
            to.append(fraction / 10);
        } else {
            to.append(fraction < 10 ? "0" : "").append(fraction);
        }
        return true;
    }

    JsonLine field(Name name, boolean value) {
        member(name).append(value);
        return this;
    }

    /** Epoch microseconds as an ISO-8601 UTC string with six fraction digits. */
    JsonLine timestamp(Name name, long epochMicros) {
        times.append(member(name).append('"'), epochMicros).append('"');
        return this;
    }

    private StringBuilder comma() {
        if (!first) {
            out.append(',');
        }
        first = false;
        return out;
    }

    private StringBuilder member(Name name) {
        return comma().append(name.encoded());
    }

    /** A JSON string with Jackson's escapes: quote, backslash, the short forms of control characters, \\u00XX. */
    static StringBuilder escaped(StringBuilder to, String text) {
        to.append('"');
        int clean = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            to.append(text, clean, i).append('\\');
            switch (c) {
                case '"', '\\' -> to.append(c);
                case '\b' -> to.append('b');
                case '\t' -> to.append('t');
                case '\f' -> to.append('f');
                case '\n' -> to.append('n');
                case '\r' -> to.append('r');
                default -> to.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
            clean = i + 1;
        }
        return to.append(text, clean, text.length()).append('"');
    }
}
