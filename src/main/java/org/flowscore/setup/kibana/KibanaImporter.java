package org.flowscore.setup.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowscore.setup.EsHttp;
import org.flowscore.setup.SetupException;

/**
 * Imports the saved-object bundle into one Kibana space through {@code POST /api/saved_objects/_import
 * ?overwrite=true}: stable ids plus overwrite make a rerun update in place instead of duplicating
 * dashboards. Checks the Kibana version first, because Kibana refuses objects from a newer version and
 * its own message does not say which version is needed.
 */
public final class KibanaImporter {
    public static final String DEFAULT_SPACE = "default";

    private final EsHttp http;

    /** What Kibana did with one object. */
    public record Imported(String type, String id, String title, boolean updated) {
    }

    public KibanaImporter(EsHttp http) {
        this.http = http;
    }

    /** The Kibana version, checked against {@link SavedObjectBundle#OLDEST_KIBANA}. */
    public String checkVersion() {
        EsHttp.Response status = http.get("/api/status");
        JsonNode json = status.json();
        String number = json == null ? "" : json.at("/version/number").asText("");
        if (!status.ok() || number.isEmpty()) {
            throw new SetupException(http.url() + " answered GET /api/status with HTTP " + status.status()
                    + " and no Kibana version — is this the Kibana URL (port 5601 by default), and is Kibana ready?");
        }
        if (compare(number, SavedObjectBundle.OLDEST_KIBANA) < 0) {
            throw new SetupException("Kibana " + number + " at " + http.url() + " is too old: flowscore's objects need"
                    + " Kibana " + SavedObjectBundle.OLDEST_KIBANA + " or later (8.x or 9.x), and Kibana never imports"
                    + " objects from a newer version; upgrade Kibana");
        }
        return number;
    }

    /** Imports {@code ndjson} into {@code space}; every object or a {@link SetupException} naming what failed. */
    public List<Imported> importBundle(byte[] ndjson, String space) {
        String boundary = "flowscore-" + UUID.randomUUID();
        EsHttp.Response answer = http.post(path(space), "multipart/form-data; boundary=" + boundary,
                multipart(boundary, SavedObjectBundle.NDJSON, ndjson), Map.of("kbn-xsrf", "true"));
        JsonNode json = answer.json();
        if (answer.status() == 404) {
            throw new SetupException(http.url() + " has no saved-objects import at " + path(space) + " (HTTP 404): "
                    + (DEFAULT_SPACE.equals(space) ? "is this the Kibana URL?" : "does the space '" + space
                    + "' exist? Create it in Stack Management > Spaces, or leave out --space"));
        }
        if (!answer.ok() || json == null) {
            throw new SetupException("Kibana at " + http.url() + " refused the import (HTTP " + answer.status() + "): "
                    + explain(json == null ? answer.body() : json.path("message").asText(answer.body())));
        }
        List<String> errors = new ArrayList<>();
        for (JsonNode e : json.path("errors")) {
            errors.add(e.path("type").asText() + " " + e.path("id").asText() + ": " + describe(e.path("error")));
        }
        if (!errors.isEmpty()) {
            throw new SetupException("Kibana at " + http.url() + " did not import " + errors.size() + " object(s):\n  "
                    + String.join("\n  ", errors));
        }
        List<Imported> imported = new ArrayList<>();
        for (JsonNode r : json.path("successResults")) {
            imported.add(new Imported(r.path("type").asText(), r.path("id").asText(), r.at("/meta/title").asText(""),
                    r.path("overwrite").asBoolean(false)));
        }
        return imported;
    }

    static String path(String space) {
        return inSpace(space, "/api/saved_objects/_import?overwrite=true");
    }

    /** A Kibana API path in {@code space}: the default space has no prefix, others {@code /s/ID}. */
    static String inSpace(String space, String apiPath) {
        return (space == null || DEFAULT_SPACE.equals(space) ? "" : "/s/" + space) + apiPath;
    }

    /** One form field {@code file} holding the NDJSON, as Kibana's import APIs document it. */
    static byte[] multipart(String boundary, String filename, byte[] ndjson) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: application/ndjson\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(ndjson);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static String describe(JsonNode error) {
        String type = error.path("type").asText();
        return switch (type) {
            case "missing_references" -> {
                List<String> missing = new ArrayList<>();
                error.path("references").forEach(r -> missing.add(r.path("type").asText() + " " + r.path("id").asText()));
                yield "refers to " + String.join(", ", missing) + ", which is neither in the bundle nor in the space;"
                        + " the bundle is damaged, reinstall flowscore";
            }
            case "unsupported_type" -> "this Kibana does not know the object type; it is older than "
                    + SavedObjectBundle.OLDEST_KIBANA + " or the plugin is disabled";
            case "conflict", "ambiguous_conflict" -> "an object with this id conflicts (" + type + ")";
            default -> explain(error.path("message").asText(type));
        };
    }

    /** Kibana's own words, with the version cause spelled out when that is what they mean. */
    private static String explain(String message) {
        if (message.contains("more recent version")) {
            return message + " — this Kibana is older than the objects; flowscore needs Kibana "
                    + SavedObjectBundle.OLDEST_KIBANA + " or later";
        }
        return message;
    }

    /** Compares dotted versions numerically (8.10.0 is after 8.8.0). */
    static int compare(String a, String b) {
        String[] x = a.split("[.-]");
        String[] y = b.split("[.-]");
        for (int i = 0; i < 3; i++) {
            int diff = Integer.compare(part(x, i), part(y, i));
            if (diff != 0) {
                return diff;
            }
        }
        return 0;
    }

    private static int part(String[] parts, int i) {
        try {
            return i < parts.length ? Integer.parseInt(parts[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
