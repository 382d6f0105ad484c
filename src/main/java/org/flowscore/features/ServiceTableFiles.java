package org.flowscore.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.flowscore.flow.Transport;

/**
 * Parses the two plain-text tables behind {@link ServiceTable}. Tables are indexed by
 * {@link Transport#ordinal()} and hold a service index plus one, so 0 means "no row". Every mistake is an
 * {@link IllegalArgumentException} naming the file and line: a table that loads is a table that means what
 * it says.
 */
final class ServiceTableFiles {
    private ServiceTableFiles() {
    }

    static final int TRANSPORTS = Transport.values().length;
    private static final int PORTS = 65536;
    private static final int ICMP_VALUES = 256;

    /** Port rows by transport, and ICMP rows by (type, code) and by type alone. */
    record Ports(byte[][] byPort, byte[][] byTypeAndCode, byte[][] byType, Set<String> services) {
    }

    /** Detected-protocol rows: name → service per transport, for fallback rows and for override rows. */
    record Detected(Map<String, byte[]> fallbacks, Map<String, byte[]> overrides, Set<String> services) {
    }

    static Ports readPorts(BufferedReader in, String source) throws IOException {
        byte[][] byPort = new byte[TRANSPORTS][];
        byte[][] byTypeAndCode = new byte[TRANSPORTS][];
        byte[][] byType = new byte[TRANSPORTS][];
        Set<String> services = new HashSet<>();
        Map<String, Integer> firstLine = new HashMap<>();
        Line line = new Line(in, source);
        while (line.next()) {
            String[] f = line.fields(3, 3);
            Transport transport = line.transport(f[0]);
            byte service = line.service(f[2], services);
            if (transport.isIcmp()) {
                int colon = f[1].indexOf(':');
                if (colon < 0) {
                    throw line.error("ICMP rows need type:code, got '" + f[1] + "'");
                }
                int type = line.number(f[1].substring(0, colon), ICMP_VALUES - 1, "ICMP type");
                String codeText = f[1].substring(colon + 1);
                if (codeText.equals("*")) {
                    line.claim(firstLine, transport + " " + type + ":*");
                    table(byType, transport, ICMP_VALUES)[type] = service;
                } else {
                    int code = line.number(codeText, ICMP_VALUES - 1, "ICMP code");
                    line.claim(firstLine, transport + " " + type + ":" + code);
                    table(byTypeAndCode, transport, ICMP_VALUES * ICMP_VALUES)[type * ICMP_VALUES + code] = service;
                }
            } else {
                int dash = f[1].indexOf('-');
                int low = line.number(dash < 0 ? f[1] : f[1].substring(0, dash), PORTS - 1, "port");
                int high = dash < 0 ? low : line.number(f[1].substring(dash + 1), PORTS - 1, "port");
                if (high < low) {
                    throw line.error("empty port range '" + f[1] + "'");
                }
                byte[] table = table(byPort, transport, PORTS);
                for (int port = low; port <= high; port++) {
                    line.claim(firstLine, transport + " " + port);
                    table[port] = service;
                }
            }
        }
        return new Ports(byPort, byTypeAndCode, byType, services);
    }

    static Detected readFallbacks(BufferedReader in, String source) throws IOException {
        Map<String, byte[]> fallbacks = new HashMap<>();
        Map<String, byte[]> overrides = new HashMap<>();
        Set<String> services = new HashSet<>();
        Map<String, Integer> firstLine = new HashMap<>();
        Line line = new Line(in, source);
        while (line.next()) {
            String[] f = line.fields(3, 4);
            String name = f[0].toLowerCase(Locale.ROOT);
            if (name.indexOf(',') >= 0 || name.startsWith("-")) {
                throw line.error("'" + f[0] + "' is not a single protocol name");
            }
            byte service = line.service(f[2], services);
            boolean override = f.length == 4;
            if (override && !f[3].equals("override")) {
                throw line.error("the optional 4th column can only be 'override', got '" + f[3] + "'");
            }
            Map<String, byte[]> rows = override ? overrides : fallbacks;
            boolean any = f[1].equals("*");
            Transport only = any ? null : line.transport(f[1]);
            for (Transport t : Transport.values()) {
                if (any || t == only) {
                    line.claim(firstLine, name + " " + t);
                    rows.computeIfAbsent(name, k -> new byte[TRANSPORTS])[t.ordinal()] = service;
                }
            }
        }
        return new Detected(fallbacks, overrides, services);
    }

    private static byte[] table(byte[][] tables, Transport transport, int size) {
        byte[] table = tables[transport.ordinal()];
        if (table == null) {
            table = new byte[size];
            tables[transport.ordinal()] = table;
        }
        return table;
    }

    /** The current line of a table file, with the checks both formats share. */
    private static final class Line {
        private final BufferedReader in;
        private final String source;
        private String text;
        private int number;

        Line(BufferedReader in, String source) {
            this.in = in;
            this.source = source;
        }

        /** Advances to the next line with content; false at the end of the file. */
        boolean next() throws IOException {
            while ((text = in.readLine()) != null) {
                number++;
                int hash = text.indexOf('#');
                text = (hash < 0 ? text : text.substring(0, hash)).strip();
                if (!text.isEmpty()) {
                    return true;
                }
            }
            return false;
        }

        String[] fields(int min, int max) {
            String[] f = text.split("[\\t ]+");
            if (f.length < min || f.length > max) {
                throw error("expected " + (min == max ? min : min + " or " + max) + " columns, got " + f.length);
            }
            return f;
        }

        Transport transport(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "tcp" -> Transport.TCP;
                case "udp" -> Transport.UDP;
                case "sctp" -> Transport.SCTP;
                case "icmp" -> Transport.ICMP;
                case "icmp6" -> Transport.ICMPV6;
                default -> throw error("unknown transport '" + name + "' (use tcp, udp, sctp, icmp or icmp6)");
            };
        }

        byte service(String name, Set<String> seen) {
            int index = KddSchema.SERVICES.indexOf(name);
            if (index < 0) {
                throw error("unknown service '" + name + "' (not one of the 70 NSL-KDD services)");
            }
            seen.add(name);
            return (byte) (index + 1);
        }

        int number(String s, int max, String what) {
            try {
                int v = Integer.parseInt(s);
                if (v >= 0 && v <= max) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below with the line
            }
            throw error(what + " must be 0-" + max + ", got '" + s + "'");
        }

        void claim(Map<String, Integer> firstLine, String key) {
            Integer earlier = firstLine.putIfAbsent(key, number);
            if (earlier != null) {
                throw error(key + " is already mapped on line " + earlier);
            }
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException(source + ":" + number + ": " + message);
        }
    }
}
