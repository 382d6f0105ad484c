package org.flowscore.labels;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flowscore.flow.Connection;
import org.flowscore.flow.LocalNetworks;

/**
 * The site's own word that some traffic is benign: a plain file, one entry a line, each a few
 * {@code key=value} conditions that must all hold, and a comment after {@code #} saying why:
 *
 * <pre>
 * src=10.1.0.0/16 dst=10.1.2.3 port=3128   # every client talks to the proxy
 * dst=17.0.0.0/8 port=5223                  # Apple push
 * </pre>
 *
 * {@code src} and {@code dst} take addresses or ranges (comma-separated), {@code port} the responder's port.
 * This is deliberately minimal: labels for site adaptation, not yet the allowlist of scoring.
 */
public final class Allowlist {
    /**
     * One entry.
     *
     * @param line        its line in the file
     * @param conditions  the conditions as written
     * @param source      originator ranges, or null for any
     * @param destination responder ranges, or null for any
     * @param port        responder port, or null for any
     * @param comment     why, as written after {@code #}; empty when none
     */
    public record Entry(int line, String conditions, LocalNetworks source, LocalNetworks destination, Integer port,
                        String comment) {
        public boolean matches(Connection c) {
            return (source == null || source.contains(c.key().sourceIp()))
                    && (destination == null || destination.contains(c.key().destinationIp()))
                    && (port == null || c.key().destinationPort() == port);
        }

        /** The entry as the detailed label of what it allows: {@code allowlist line 3: every client ...}. */
        public String describe() {
            return "allowlist line " + line + (comment.isEmpty() ? "" : ": " + comment);
        }
    }

    private final Path file;
    private final List<Entry> entries;

    private Allowlist(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    /** No entries: nothing is allowlisted. */
    public static Allowlist empty() {
        return new Allowlist(null, List.of());
    }

    /**
     * @throws LabelException naming the file and line of the first entry that is not one
     */
    public static Allowlist read(Path file) throws LabelException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new LabelException(file + ": no such allowlist file");
        } catch (IOException e) {
            throw new LabelException(file + ": cannot read the allowlist: " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String conditions = (hash < 0 ? line : line.substring(0, hash)).strip();
            String comment = hash < 0 ? "" : line.substring(hash + 1).strip();
            if (conditions.isEmpty()) {
                continue;
            }
            try {
                entries.add(entry(i + 1, conditions, comment));
            } catch (IllegalArgumentException e) {
                throw new LabelException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new Allowlist(file, entries);
    }

    private static Entry entry(int line, String conditions, String comment) {
        LocalNetworks source = null;
        LocalNetworks destination = null;
        Integer port = null;
        for (String condition : conditions.split("\\s+")) {
            int eq = condition.indexOf('=');
            String key = eq < 0 ? condition : condition.substring(0, eq);
            String value = eq < 0 ? "" : condition.substring(eq + 1);
            if (value.isEmpty()) {
                throw new IllegalArgumentException("'" + condition + "' is no condition: write key=value with src,"
                        + " dst or port");
            }
            switch (key) {
                case "src" -> source = LocalNetworks.parse(Arrays.asList(value.split(",")));
                case "dst" -> destination = LocalNetworks.parse(Arrays.asList(value.split(",")));
                case "port" -> port = port(value);
                default -> throw new IllegalArgumentException("unknown key '" + key + "': use src, dst or port");
            }
        }
        return new Entry(line, conditions, source, destination, port, comment);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 0xFFFF) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // Reported below with the accepted range.
        }
        throw new IllegalArgumentException("port '" + value + "' is not a port number (0-65535)");
    }

    /** The first entry that allows {@code c}, or null. */
    public Entry match(Connection c) {
        for (Entry e : entries) {
            if (e.matches(c)) {
                return e;
            }
        }
        return null;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The file read, or null for the empty list. */
    public Path file() {
        return file;
    }
}
