package org.flowscore.setup.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flowscore.setup.EsHttp;
import org.flowscore.setup.SetupException;

/**
 * Imports the detection rules into one Kibana space through the detection engine's {@code POST
 * /api/detection_engine/rules/_import?overwrite=true}: rules keep their {@code rule_id}, so a rerun updates each rule
 * in place instead of adding a copy. Kibana answers 200 even when rules were refused, listing them under
 * {@code errors}, so the answer is read rule by rule.
 */
public final class RuleImporter {
    static final String API = "/api/detection_engine/rules/_import?overwrite=true";

    private final EsHttp http;

    public RuleImporter(EsHttp http) {
        this.http = http;
    }

    /** Imports {@code ndjson} into {@code space}; the number of rules imported, or a {@link SetupException}. */
    public int importRules(byte[] ndjson, String space) {
        String boundary = "flowscore-" + UUID.randomUUID();
        String path = KibanaImporter.inSpace(space, API);
        EsHttp.Response answer = http.post(path, "multipart/form-data; boundary=" + boundary,
                KibanaImporter.multipart(boundary, RuleBundle.NDJSON, ndjson), Map.of("kbn-xsrf", "true"));
        JsonNode json = answer.json();
        if (answer.status() == 404) {
            throw new SetupException(http.url() + " has no detection-rule import at " + path + " (HTTP 404): is"
                    + " Elastic Security enabled in this Kibana" + (KibanaImporter.DEFAULT_SPACE.equals(space) ? ""
                    : " and does the space '" + space + "' exist") + "?");
        }
        if (!answer.ok() || json == null) {
            throw new SetupException("Kibana at " + http.url() + " refused the detection rules (HTTP " + answer.status()
                    + "): " + (json == null ? answer.body() : json.path("message").asText(answer.body())));
        }
        List<String> errors = new ArrayList<>();
        for (JsonNode e : json.path("errors")) {
            errors.add(e.path("rule_id").asText("?") + ": " + e.at("/error/message").asText()
                    + " (" + e.at("/error/status_code").asText() + ")");
        }
        if (!errors.isEmpty()) {
            throw new SetupException("Kibana at " + http.url() + " did not import " + errors.size()
                    + " detection rule(s):\n  " + String.join("\n  ", errors));
        }
        return json.path("success_count").asInt();
    }
}
