package org.flowscore.sink;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One JSON document built as UTF-8 bytes in a reused buffer, the way Jackson's default generator writes it
 * (compact, the same string escapes, numbers as {@link Double#toString} and {@link Long#toString} write
 * them), but with member names encoded once ({@link Name}) and nothing allocated per value. Rendering is
 * most of what {@code score} does, and every output (a file, a {@code _bulk} body, a Kafka record) takes
 * bytes: writing them here saves the copy into a {@code String} and the encoding of it again per output.
 * Not thread-safe: one per thread.
 */
final class JsonLine {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);
    /** The longest a number's digits run: {@code -9223372036854775808}. */
    private static final int LONG_DIGITS = 20;

    /** A member name with its quotes and colon, encoded once. */
    record Name(byte[] encoded) {
        static Name of(String name) {
            JsonLine text = new JsonLine();
            text.escaped(name);
            text.put((byte) ':');
            return new Name(Arrays.copyOf(text.buffer, text.length));
        }
    }

    private byte[] buffer = new byte[4096];
    private int length;
    private final IsoTimestamps times = new IsoTimestamps();
    /** Where numbers the fast paths do not cover are written by the JDK's shortest-decimal algorithm. */
    private final StringBuilder number = new StringBuilder(32);
    /** Whether the next member or element is the first of its object or array: no comma before it. */
    private boolean first;

    /** Starts a new document, dropping what the buffer held. */
    JsonLine begin() {
        length = 0;
        put((byte) '{');
        first = true;
        return this;
    }

    /** Ends the document and returns a copy of its bytes. */
    byte[] end() {
        put((byte) '}');
        return Arrays.copyOf(buffer, length);
    }

    /** How many bytes are written so far, for a caller that splices a copy of the document at a position. */
    int length() {
        return length;
    }

    JsonLine object(Name name) {
        member(name);
        put((byte) '{');
        first = true;
        return this;
    }

    JsonLine endObject() {
        put((byte) '}');
        first = false;
        return this;
    }

    JsonLine array(Name name) {
        member(name);
        put((byte) '[');
        first = true;
        return this;
    }

    JsonLine endArray() {
        put((byte) ']');
        first = false;
        return this;
    }

    /** An object as the next array element. */
    JsonLine element() {
        comma();
        put((byte) '{');
        first = true;
        return this;
    }

    JsonLine value(String text) {
        comma();
        escaped(text);
        return this;
    }

    JsonLine field(Name name, String text) {
        member(name);
        escaped(text);
        return this;
    }

    JsonLine field(Name name, long number) {
        member(name);
        ensure(LONG_DIGITS);
        length = digits(buffer, length, number);
        return this;
    }

    JsonLine field(Name name, double number) {
        member(name);
        ensure(LONG_DIGITS + 4);
        int end = hundredths(buffer, length, number);
        if (end >= 0) {
            length = end;
            return this;
        }
        this.number.setLength(0);
        if (Double.isFinite(number)) {
            ascii(this.number.append(number));
        } else {
            // What Jackson writes by default: a non-finite number as a quoted token.
            ascii(this.number.append('"').append(number).append('"'));
        }
        return this;
    }

    JsonLine field(Name name, boolean value) {
        member(name);
        put(value ? TRUE : FALSE);
        return this;
    }

    /** Epoch microseconds as an ISO-8601 UTC string with six fraction digits. */
    JsonLine timestamp(Name name, long epochMicros) {
        member(name);
        ensure(IsoTimestamps.MAX_LENGTH + 2);
        buffer[length++] = '"';
        length = times.write(buffer, length, epochMicros);
        buffer[length++] = '"';
        return this;
    }

    /**
     * Writes a number that is a whole number of hundredths below 10 million (most rates and scores) the way
     * {@link Double#toString} does, without its general algorithm: the shortest decimal that reads back as the
     * same double has at most two fraction digits then. Returns where it ended in {@code to}, or -1, writing
     * nothing, for any other number. {@code to} must have 14 bytes free at {@code at}.
     */
    static int hundredths(byte[] to, int at, double number) {
        double scaled = number * 100;
        if (!(Math.abs(scaled) < 1e9)) {
            return -1;
        }
        long cents = Math.round(scaled);
        if (cents / 100.0 != number || cents == 0 && Double.doubleToRawLongBits(number) != 0) {
            return -1;
        }
        if (cents < 0) {
            to[at++] = '-';
            cents = -cents;
        }
        int fraction = (int) (cents % 100);
        at = digits(to, at, cents / 100);
        to[at++] = '.';
        if (fraction % 10 == 0) {
            to[at++] = (byte) ('0' + fraction / 10);
        } else {
            to[at++] = (byte) ('0' + fraction / 10);
            to[at++] = (byte) ('0' + fraction % 10);
        }
        return at;
    }

    /** {@link Long#toString}'s digits written into {@code to} at {@code at}; returns where they end. */
    static int digits(byte[] to, int at, long number) {
        if (number == Long.MIN_VALUE) {
            byte[] text = Long.toString(number).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, to, at, text.length);
            return at + text.length;
        }
        if (number < 0) {
            to[at++] = '-';
            number = -number;
        }
        int count = 1;
        for (long rest = number / 10; rest != 0; rest /= 10) {
            count++;
        }
        int end = at + count;
        for (int i = end - 1; i >= at; i--) {
            to[i] = (byte) ('0' + number % 10);
            number /= 10;
        }
        return end;
    }

    private void comma() {
        if (!first) {
            put((byte) ',');
        }
        first = false;
    }

    private void member(Name name) {
        comma();
        put(name.encoded());
    }

    /**
     * A JSON string with Jackson's escapes (quote, backslash, the short forms of control characters, \\u00XX),
     * in UTF-8.
     */
    private void escaped(String text) {
        // Six bytes at most per character (a control character escaped as u00XX), and the two quotes.
        ensure(6 * text.length() + 2);
        byte[] to = buffer;
        int at = length;
        to[at++] = '"';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                to[at++] = (byte) c;
            } else if (c < 0x80) {
                to[at++] = '\\';
                switch (c) {
                    case '"', '\\' -> to[at++] = (byte) c;
                    case '\b' -> to[at++] = 'b';
                    case '\t' -> to[at++] = 't';
                    case '\f' -> to[at++] = 'f';
                    case '\n' -> to[at++] = 'n';
                    case '\r' -> to[at++] = 'r';
                    default -> {
                        to[at++] = 'u';
                        to[at++] = '0';
                        to[at++] = '0';
                        to[at++] = HEX[c >> 4];
                        to[at++] = HEX[c & 0xF];
                    }
                }
            } else if (c < 0x800) {
                to[at++] = (byte) (0xC0 | c >> 6);
                to[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                int point = Character.toCodePoint(c, text.charAt(++i));
                to[at++] = (byte) (0xF0 | point >> 18);
                to[at++] = (byte) (0x80 | point >> 12 & 0x3F);
                to[at++] = (byte) (0x80 | point >> 6 & 0x3F);
                to[at++] = (byte) (0x80 | point & 0x3F);
            } else if (Character.isSurrogate(c)) {
                // A lone surrogate has no UTF-8 form; '?' is what String.getBytes writes for it.
                to[at++] = '?';
            } else {
                to[at++] = (byte) (0xE0 | c >> 12);
                to[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                to[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        to[at++] = '"';
        length = at;
    }

    /** Characters the JDK wrote for a number: ASCII only. */
    private void ascii(CharSequence text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
    }

    private void put(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
