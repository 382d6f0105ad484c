package org.flowscore.setup.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * flowscore's Elastic Security detection rules: query rules over the alert stream, one per alert kind. The reviewed
 * source form is one pretty-printed JSON file per rule under {@code kibana/rules/RULE_ID.json}, in the form Kibana's
 * rule export writes; the NDJSON the rule import API takes ({@code kibana/flowscore-rules.ndjson}, shipped in the
 * jar) is derived from it by {@link #encode}.
 */
public final class RuleBundle {
    /** Where the imported rules live, in the repository (under the folder) and in the jar. */
    public static final String NDJSON = "flowscore-rules.ndjson";

    private RuleBundle() {
    }

    /** The rules of a source folder, by rule id. */
    public static List<JsonNode> readSource(Path rulesFolder) {
        List<JsonNode> rules = SavedObjectBundle.readJsonFiles(rulesFolder, "detection rules");
        rules.sort(Comparator.comparing(r -> r.path("rule_id").asText()));
        return rules;
    }

    /** The NDJSON the import API takes: one compact rule per line. */
    public static String encode(List<JsonNode> rules) {
        StringBuilder ndjson = new StringBuilder();
        rules.forEach(r -> ndjson.append(r).append('\n'));
        return ndjson.toString();
    }

    /** The rules shipped in the jar, exactly as they are imported. */
    public static byte[] shipped() {
        return SavedObjectBundle.shipped(NDJSON);
    }

    /** Regenerates {@code FOLDER/flowscore-rules.ndjson} from {@code FOLDER/rules}; run after editing a rule. */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "kibana");
        Files.writeString(folder.resolve(NDJSON), encode(readSource(folder.resolve("rules"))), StandardCharsets.UTF_8);
    }
}
