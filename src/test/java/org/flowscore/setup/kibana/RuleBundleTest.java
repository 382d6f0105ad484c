package org.flowscore.setup.kibana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowscore.alerts.AlertKind;
import org.flowscore.alerts.AlertSeverity;
import org.junit.jupiter.api.Test;

/**
 * The detection rules as Kibana will read them: generated from their source, one per alert kind over the alert
 * stream's data view, every field they use mapped by our template with a type the rule can use, the severity of every
 * alert mapped, and the MITRE ATT&CK tactic and technique each kind stands for.
 */
class RuleBundleTest {
    private static final List<JsonNode> RULES = RuleBundle.readSource(Path.of("kibana", "rules"));
    private static final Map<String, String> TYPES = TemplateFields.types();
    /** A field name before a colon in a Lucene query. */
    private static final Pattern FIELD = Pattern.compile("([A-Za-z@][\\w.@]*):");
    private static final Set<String> NUMERIC = Set.of("long", "integer", "short", "byte", "float", "double",
            "scaled_float", "half_float");

    /** What each kind stands for in ATT&CK: tactic and technique, none for behaviour the model alone flagged. */
    private static final Map<AlertKind, List<String>> ATTACK = Map.of(
            AlertKind.SCAN, List.of("TA0007 Discovery", "T1046 Network Service Discovery"),
            AlertKind.SWEEP, List.of("TA0007 Discovery", "T1046 Network Service Discovery"),
            AlertKind.BRUTE_FORCE, List.of("TA0006 Credential Access", "T1110 Brute Force"),
            AlertKind.BEACON, List.of("TA0011 Command and Control", "T1071 Application Layer Protocol"),
            AlertKind.EXFILTRATION, List.of("TA0010 Exfiltration", "T1041 Exfiltration Over C2 Channel"),
            AlertKind.FLOOD, List.of("TA0040 Impact", "T1498 Network Denial of Service"),
            AlertKind.ANOMALY, List.of());

    @Test
    void theCommittedNdjsonIsTheOneGeneratedFromTheSource() throws IOException {
        String generated = RuleBundle.encode(RULES);
        assertEquals(generated, Files.readString(Path.of("kibana", RuleBundle.NDJSON)),
                "kibana/flowscore-rules.ndjson is stale: regenerate it as docs/alerts.md says");
        assertEquals(generated, new String(RuleBundle.shipped(), StandardCharsets.UTF_8));
    }

    @Test
    void oneLuceneQueryRulePerAlertKindOverTheAlertStream() {
        String alertStream = DecodedBundle.shipped().get("index-pattern", "flowscore-alerts").at("/attributes/title")
                .asText();
        Map<String, String> kindOfRule = new TreeMap<>();
        for (JsonNode rule : RULES) {
            String id = rule.path("rule_id").asText();
            assertEquals("query", rule.path("type").asText(), id);
            assertEquals("lucene", rule.path("language").asText(), id);
            assertEquals(List.of(alertStream), texts(rule.path("index")), id);
            assertTrue(rule.path("enabled").asBoolean(), id);
            assertTrue(rule.path("name").asText().startsWith("flowscore: ") && !rule.path("description").asText()
                    .isBlank() && !rule.path("note").asText().isBlank(), id);
            Matcher kind = Pattern.compile("flowscore\\.alert\\.kind:\"([a-z-]+)\"$").matcher(rule.path("query").asText());
            assertTrue(kind.find(), id + " names no kind: " + rule.path("query"));
            kindOfRule.put(id, kind.group(1));
        }
        Map<String, String> expected = new TreeMap<>();
        for (AlertKind k : AlertKind.values()) {
            expected.put("flowscore-" + k.id(), k.id());
        }
        assertEquals(expected, kindOfRule);
    }

    @Test
    void everyFieldARuleUsesIsMappedWithAUsableType() {
        List<String> problems = new ArrayList<>();
        for (JsonNode rule : RULES) {
            String id = rule.path("rule_id").asText();
            Matcher field = FIELD.matcher(rule.path("query").asText());
            while (field.find()) {
                expectType(problems, id + " query", field.group(1), Set.of("keyword"));
            }
            for (JsonNode m : rule.path("risk_score_mapping")) {
                expectType(problems, id + " risk_score_mapping", m.path("field").asText(), NUMERIC);
            }
            for (JsonNode m : rule.path("severity_mapping")) {
                expectType(problems, id + " severity_mapping", m.path("field").asText(), Set.of("keyword"));
            }
        }
        assertEquals(List.of(), problems);
    }

    private static void expectType(List<String> problems, String where, String field, Set<String> usable) {
        String type = TYPES.get(field);
        if (type == null || !usable.contains(type)) {
            problems.add(where + ": " + field + " is " + (type == null ? "not in the template" : "mapped " + type));
        }
    }

    @Test
    void riskScoreAndSeverityComeFromTheAlert() {
        List<String> severities = Arrays.stream(AlertSeverity.values()).map(AlertSeverity::id).toList();
        for (JsonNode rule : RULES) {
            String id = rule.path("rule_id").asText();
            assertEquals(1, rule.path("risk_score_mapping").size(), id);
            assertEquals("event.risk_score", rule.at("/risk_score_mapping/0/field").asText(), id);
            assertEquals("equals", rule.at("/risk_score_mapping/0/operator").asText(), id);
            List<String> values = new ArrayList<>();
            for (JsonNode m : rule.path("severity_mapping")) {
                assertEquals("flowscore.alert.severity", m.path("field").asText(), id);
                assertEquals("equals", m.path("operator").asText(), id);
                assertEquals(m.path("value").asText(), m.path("severity").asText(), id + ": the bands are Elastic's");
                values.add(m.path("value").asText());
            }
            assertEquals(severities, values, id + ": every severity an alert can carry is mapped");
        }
    }

    @Test
    void eachKindCarriesItsAttackTacticAndTechnique() {
        for (JsonNode rule : RULES) {
            AlertKind kind = AlertKind.of(rule.path("rule_id").asText().substring("flowscore-".length()));
            List<String> attack = new ArrayList<>();
            for (JsonNode threat : rule.path("threat")) {
                assertEquals("MITRE ATT&CK", threat.path("framework").asText());
                JsonNode tactic = threat.path("tactic");
                attack.add(tactic.path("id").asText() + " " + tactic.path("name").asText());
                assertEquals("https://attack.mitre.org/tactics/" + tactic.path("id").asText() + "/",
                        tactic.path("reference").asText());
                for (JsonNode technique : threat.path("technique")) {
                    attack.add(technique.path("id").asText() + " " + technique.path("name").asText());
                    assertEquals("https://attack.mitre.org/techniques/" + technique.path("id").asText() + "/",
                            technique.path("reference").asText());
                }
            }
            assertEquals(ATTACK.get(kind), attack, kind.id());
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
