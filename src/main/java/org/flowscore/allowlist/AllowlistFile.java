package org.flowscore.allowlist;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an allowlist file: YAML, a list of entries, each a set of {@code key: value} lines.
 *
 * <pre>
 * - id: nightly-backup
 *   comment: the backup server's upload to the offsite store (ticket OPS-412)
 *   source: 10.0.5.20
 *   destination: 203.0.113.0/24
 *   port: 443
 *   expires: 2025-06-30
 * </pre>
 *
 * Keys: {@code id} and {@code comment} (both required), then at least one of {@code source}, {@code destination}
 * (an address or a range), {@code port} (the responder's), {@code service} (as the sensor detected it), and
 * optionally {@code expires} (a date, meaning the end of that day in UTC, or an ISO-8601 instant). Every mistake is
 * reported with the file and the line it is on; a file with any mistake is refused whole, so a half-read list never
 * takes effect.
 */
public final class AllowlistFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}");
    private static final Pattern YAML_LINE = Pattern.compile(", line (\\d+), column");
    private static final List<String> KEYS = List.of("id", "comment", "source", "destination", "port", "service",
            "expires");

    private AllowlistFile() {
    }

    public static Allowlist read(Path file) throws AllowlistException {
        List<AllowlistEntry> entries = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        try (JsonParser p = YAML.getFactory().createParser(file.toFile())) {
            JsonToken token = p.nextToken();
            if (token == null) {
                return Allowlist.EMPTY;
            }
            if (token != JsonToken.START_ARRAY) {
                throw mistake(file, line(p), "expected a list of entries, each starting with '- id: ...'");
            }
            while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                if (token != JsonToken.START_OBJECT) {
                    throw mistake(file, line(p), "an entry is a set of 'key: value' lines (id, comment, source,"
                            + " destination, port, service, expires)");
                }
                AllowlistEntry entry = entry(file, p);
                Integer earlier = idLines.putIfAbsent(entry.id(), entry.line());
                if (earlier != null) {
                    throw mistake(file, entry.line(), "id '" + entry.id() + "' is already used on line " + earlier);
                }
                entries.add(entry);
            }
            return new Allowlist(entries);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new AllowlistException("allowlist " + file + ": no such file");
        } catch (JsonProcessingException e) {
            throw notYaml(file, e);
        } catch (IOException e) {
            throw new AllowlistException("allowlist " + file + ": cannot read it: " + e.getMessage());
        }
    }

    /** Reads one entry, the parser on its opening; each value is checked on the line of its key. */
    private static AllowlistEntry entry(Path file, JsonParser p) throws IOException, AllowlistException {
        int start = line(p);
        Map<String, String> values = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int keyLine = line(p);
            p.nextToken();
            JsonNode value = YAML.readTree(p);
            if (!KEYS.contains(key)) {
                throw mistake(file, keyLine, "unknown key '" + key + "'; an entry has " + String.join(", ", KEYS));
            }
            if (!value.isValueNode() || value.isNull() || value.asText().isBlank()) {
                throw mistake(file, keyLine, "'" + key + "' needs a value");
            }
            if (values.put(key, value.asText().strip()) != null) {
                throw mistake(file, keyLine, "'" + key + "' is given twice in one entry");
            }
            lines.put(key, keyLine);
        }
        Checker check = new Checker(file, start, lines);
        String id = values.get("id");
        if (id == null) {
            throw mistake(file, start, "the entry has no 'id' (what the flows it covers are marked with)");
        }
        if (!ID.matcher(id).matches()) {
            throw check.at("id", "'" + id + "' is not an id: letters, digits and _ . : - (up to 128), starting"
                    + " with a letter or digit");
        }
        if (values.get("comment") == null) {
            throw mistake(file, start, "entry '" + id + "' has no 'comment': say why this traffic is wanted");
        }
        if (!values.containsKey("source") && !values.containsKey("destination") && !values.containsKey("port")
                && !values.containsKey("service")) {
            throw mistake(file, start, "entry '" + id + "' covers every flow: give a source, destination, port or"
                    + " service");
        }
        return new AllowlistEntry(id, values.get("comment"), check.range("source", values.get("source")),
                check.range("destination", values.get("destination")), check.port(values.get("port")),
                values.containsKey("service") ? values.get("service").toLowerCase(Locale.ROOT) : null,
                check.expiry(values.get("expires")), start);
    }

    /** Checks the values of one entry, naming the line of the key whose value is wrong. */
    private record Checker(Path file, int start, Map<String, Integer> lines) {
        AllowlistException at(String key, String message) {
            return mistake(file, lines.getOrDefault(key, start), message);
        }

        AddressRange range(String key, String value) throws AllowlistException {
            try {
                return value == null ? null : AddressRange.parse(value);
            } catch (IllegalArgumentException e) {
                throw at(key, key + ": " + e.getMessage());
            }
        }

        Integer port(String value) throws AllowlistException {
            if (value == null) {
                return null;
            }
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below, with what a port is
            }
            throw at("port", "port: '" + value + "' is not a port number (0-65535)");
        }

        long expiry(String value) throws AllowlistException {
            if (value == null) {
                return Long.MAX_VALUE;
            }
            try {
                Instant end = value.length() == 10
                        ? LocalDate.parse(value).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : Instant.parse(value);
                return ChronoUnit.MICROS.between(Instant.EPOCH, end);
            } catch (DateTimeParseException e) {
                throw at("expires", "expires: '" + value + "' is neither a date (2025-06-30) nor an instant"
                        + " (2025-06-30T18:00:00Z)");
            }
        }
    }

    /**
     * The YAML parser's own words without its excerpt of the file: what it expected, what it was reading, and the
     * line where it gave up (the last it names).
     */
    private static AllowlistException notYaml(Path file, JsonProcessingException e) {
        String said = e.getOriginalMessage();
        List<String> sentences = said.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .toList();
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        Matcher at = YAML_LINE.matcher(said);
        while (at.find()) {
            line = Integer.parseInt(at.group(1));
        }
        String reason = sentences.isEmpty() ? "" : ": " + sentences.getLast()
                + (sentences.size() > 1 ? " (" + sentences.getFirst() + ")" : "");
        return mistake(file, line, "not valid YAML" + reason);
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    private static AllowlistException mistake(Path file, int line, String message) {
        return new AllowlistException("allowlist " + file + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
