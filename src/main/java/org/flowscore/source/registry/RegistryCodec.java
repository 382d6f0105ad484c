package org.flowscore.source.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The registry's JSON: {@code {"version": 1, "files": [{"path", "device", "inode", "fingerprintBytes",
 * "fingerprint", "offset", "size", "state", "lastSeen"}, ...]}}. Reading checks every field, so a damaged
 * file is refused with what is wrong rather than half-read into wrong offsets.
 */
final class RegistryCodec {
    /** Bumped whenever the meaning of a field changes; an older or newer file is refused, never guessed at. */
    static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RegistryCodec() {
    }

    static byte[] write(Collection<RegistryEntry> entries) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", VERSION);
        ArrayNode files = root.putArray("files");
        for (RegistryEntry e : entries) {
            ObjectNode f = files.addObject();
            f.put("path", e.path());
            f.put("device", e.identity().device());
            f.put("inode", e.identity().inode());
            f.put("fingerprintBytes", e.identity().fingerprintBytes());
            f.put("fingerprint", e.identity().fingerprint());
            f.put("offset", e.offset());
            f.put("size", e.size());
            f.put("state", e.state().label());
            f.put("lastSeen", e.lastSeen().toString());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /** @throws IllegalArgumentException saying what is wrong, without the file name (the caller adds it) */
    static List<RegistryEntry> read(byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON (" + e.getOriginalMessage() + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")");
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("not a registry (expected a JSON object with version and files)");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.canConvertToInt()) {
            throw new IllegalArgumentException("has no version number: written by an older flowscore, or not a registry");
        }
        if (version.intValue() != VERSION) {
            throw new IllegalArgumentException("is registry version " + version.intValue() + ", this flowscore reads"
                    + " version " + VERSION + (version.intValue() < VERSION ? " (written by an older flowscore)"
                    : " (written by a newer flowscore)"));
        }
        JsonNode files = root.get("files");
        if (files == null || !files.isArray()) {
            throw new IllegalArgumentException("has no \"files\" list");
        }
        List<RegistryEntry> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            try {
                out.add(entry(files.get(i)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new IllegalArgumentException("files[" + i + "]: " + e.getMessage());
            }
        }
        return out;
    }

    private static RegistryEntry entry(JsonNode f) {
        FileIdentity identity = new FileIdentity(number(f, "device"), number(f, "inode"),
                Math.toIntExact(number(f, "fingerprintBytes")), text(f, "fingerprint"));
        return new RegistryEntry(text(f, "path"), identity, number(f, "offset"), number(f, "size"),
                FileState.ofLabel(text(f, "state")), Instant.parse(text(f, "lastSeen")));
    }

    private static long number(JsonNode f, String field) {
        JsonNode n = f.get(field);
        if (n == null || !n.canConvertToLong() || !n.isIntegralNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not a whole number");
        }
        return n.longValue();
    }

    private static String text(JsonNode f, String field) {
        JsonNode n = f.get(field);
        if (n == null || !n.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing or not text");
        }
        return n.textValue();
    }
}
