package org.flowscore.setup.kibana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bundle Kibana imports, checked as far as it can be without a Kibana: generated from the reviewed
 * source, references that resolve inside it, fields that exist in our template with a type each
 * operation accepts, and only Lens operations and chart types Kibana 8.x knows.
 */
class KibanaBundleTest {
    private static final DecodedBundle BUNDLE = DecodedBundle.shipped();
    private static final Map<String, String> FIELDS = TemplateFields.types();
    private static final Set<String> NUMERIC = Set.of("long", "integer", "short", "byte", "float", "double",
            "half_float", "scaled_float");

    /** The operation types of Lens's form-based datasource in 8.x, and the field types each accepts. */
    private static final Map<String, Set<String>> OPERATION_FIELD_TYPES = Map.of(
            "date_histogram", Set.of("date"),
            "terms", Set.of("keyword", "ip", "long", "float", "boolean"),
            "range", NUMERIC,
            "average", NUMERIC, "median", NUMERIC, "percentile", NUMERIC, "sum", NUMERIC,
            "min", NUMERIC, "max", NUMERIC,
            "unique_count", Set.of("keyword", "ip", "long", "float", "boolean", "date"));
    /** The field a KQL filter of the bundle's one form ({@code [not ]field : "value"}) tests. */
    private static final Pattern KQL_FIELD = Pattern.compile("^(?:not )?([\\w.@]+) : ");
    private static final Set<String> VISUALIZATIONS = Set.of("lnsXY", "lnsMetric", "lnsPie", "lnsDatatable",
            "lnsGauge", "lnsHeatmap", "lnsTagcloud", "lnsLegacyMetric");
    private static final Set<String> SERIES = Set.of("line", "area", "area_stacked", "area_percentage_stacked", "bar",
            "bar_stacked", "bar_percentage_stacked", "bar_horizontal", "bar_horizontal_stacked",
            "bar_horizontal_percentage_stacked");

    @Test
    void theCommittedNdjsonIsTheOneGeneratedFromTheSource() throws IOException {
        String generated = SavedObjectBundle.encode(SavedObjectBundle.readSource(Path.of("kibana", "objects")));
        assertEquals(generated, Files.readString(Path.of("kibana", SavedObjectBundle.NDJSON)),
                "kibana/flowscore.ndjson is stale: regenerate it as docs/kibana.md says");
        assertEquals(generated, new String(SavedObjectBundle.shipped(), StandardCharsets.UTF_8));
    }

    @Test
    void idsAreStableAndEveryObjectCarriesItsMigrationVersions() {
        // Links, bookmarks and the overwrite on reinstall rely on these ids: changing one is a breaking change.
        assertEquals(List.of("index-pattern flowscore-alerts", "index-pattern flowscore-flows",
                "index-pattern flowscore-original-logs", "search flowscore-alert-groups",
                "search flowscore-alerts-for-analysts",
                "search flowscore-original-records", "dashboard flowscore-investigation",
                "dashboard flowscore-model-health", "dashboard flowscore-overview"),
                BUNDLE.objects().stream().map(o -> o.path("type").asText() + " " + o.path("id").asText()).toList());
        for (ObjectNode o : BUNDLE.objects()) {
            assertEquals(SavedObjectBundle.OLDEST_KIBANA, o.path("coreMigrationVersion").asText(), o.path("id").asText());
            String typeVersion = o.path("typeMigrationVersion").asText();
            assertTrue(KibanaImporter.compare(typeVersion, SavedObjectBundle.OLDEST_KIBANA) <= 0,
                    o.path("id") + ": a typeMigrationVersion above the oldest Kibana makes it refuse the object");
        }
    }

    @Test
    void everyReferenceResolvesInsideTheBundle() {
        for (ObjectNode o : BUNDLE.objects()) {
            for (JsonNode r : o.path("references")) {
                assertNotNull(BUNDLE.get(r.path("type").asText(), r.path("id").asText()), o.path("id") + " -> " + r);
            }
        }
        for (ObjectNode search : BUNDLE.ofType("search")) {
            String refName = search.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON/indexRefName").asText();
            assertTrue(names(search).contains(refName), search.path("id") + " has no reference " + refName);
        }
        for (ObjectNode dashboard : BUNDLE.ofType("dashboard")) {
            Set<String> names = names(dashboard);
            for (JsonNode panel : dashboard.at("/attributes/panelsJSON")) {
                String index = panel.path("panelIndex").asText();
                assertEquals(index, panel.at("/gridData/i").asText());
                if (panel.has("panelRefName")) {
                    assertTrue(names.contains(index + ":" + panel.path("panelRefName").asText()), panel.toString());
                }
                for (JsonNode r : panel.at("/embeddableConfig/attributes/references")) {
                    // Kibana injects a by-value panel's references from the dashboard's, prefixed by the panel.
                    assertTrue(names.contains(index + ":" + r.path("name").asText()), dashboard.path("id") + " " + r);
                }
            }
        }
        for (DecodedBundle.Control c : BUNDLE.controls()) {
            assertNotNull(BUNDLE.get("index-pattern", c.dataViewId()), c.toString());
            String suffix = c.type().equals("optionsListControl") ? "optionsListDataView" : "rangeSliderDataView";
            assertTrue(names(BUNDLE.get("dashboard", c.dashboard())).contains("controlGroup_" + c.id() + ":" + suffix),
                    c.toString());
        }
    }

    @Test
    void lensPanelsUseKnownOperationsOnFieldsOfAcceptedTypes() {
        List<String> problems = new ArrayList<>();
        assertEquals(21, BUNDLE.lensPanels().size(), "15 on the Overview, 6 on Model health");
        for (DecodedBundle.LensPanel panel : BUNDLE.lensPanels()) {
            JsonNode lens = panel.attributes();
            String where = panel.dashboard() + " / " + panel.title();
            if (!VISUALIZATIONS.contains(lens.path("visualizationType").asText())) {
                problems.add(where + ": visualization " + lens.path("visualizationType"));
            }
            Set<String> layers = new HashSet<>();
            lens.at("/state/datasourceStates/formBased/layers").fieldNames().forEachRemaining(layers::add);
            for (String layer : layers) {
                assertNotNull(DecodedBundle.dataViewOf(lens, layer), where + ": layer " + layer + " has no data view");
                Map<String, JsonNode> columns = DecodedBundle.columns(lens, layer);
                for (Map.Entry<String, JsonNode> c : columns.entrySet()) {
                    checkColumn(where + " / " + c.getKey(), c.getValue(), columns.keySet(), problems);
                }
                for (String accessor : accessors(lens.at("/state/visualization"))) {
                    if (!columns.containsKey(accessor)) {
                        problems.add(where + ": the chart shows column " + accessor + ", which the layer lacks");
                    }
                }
            }
            for (JsonNode l : lens.at("/state/visualization/layers")) {
                if (l.has("seriesType") && !SERIES.contains(l.path("seriesType").asText())) {
                    problems.add(where + ": series type " + l.path("seriesType"));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static void checkColumn(String where, JsonNode column, Set<String> columnIds, List<String> problems) {
        String op = column.path("operationType").asText();
        String field = column.path("sourceField").asText();
        if (op.equals("filters")) {
            for (JsonNode f : column.at("/params/filters")) {
                Matcher kql = KQL_FIELD.matcher(f.at("/input/query").asText());
                if (!kql.find() || !FIELDS.containsKey(kql.group(1))) {
                    problems.add(where + ": filter " + f.at("/input/query") + " is not on a template field");
                }
            }
            return;
        }
        if (op.equals("count")) {
            if (!field.equals("___records___") && !FIELDS.containsKey(field)) {
                problems.add(where + ": count of unknown field " + field);
            }
            return;
        }
        Set<String> accepted = OPERATION_FIELD_TYPES.get(op);
        String type = FIELDS.get(field);
        if (accepted == null) {
            problems.add(where + ": operation " + op + " is not one this bundle's checks know for Kibana 8.x");
        } else if (type == null) {
            problems.add(where + ": field " + field + " is not in the index template");
        } else if (!accepted.contains(type)) {
            problems.add(where + ": " + op + " on " + field + " of type " + type);
        } else if (!column.path("dataType").asText().equals(lensDataType(type))) {
            problems.add(where + ": dataType " + column.path("dataType") + " for a " + type + " field");
        }
        String orderBy = column.at("/params/orderBy/columnId").asText(null);
        if (orderBy != null && !columnIds.contains(orderBy)) {
            problems.add(where + ": ordered by missing column " + orderBy);
        }
    }

    private static String lensDataType(String esType) {
        return switch (esType) {
            case "keyword" -> "string";
            case "date" -> "date";
            case "ip" -> "ip";
            case "boolean" -> "boolean";
            default -> "number";
        };
    }

    /** The column ids a visualization draws, whatever its type. */
    private static List<String> accessors(JsonNode visualization) {
        List<String> ids = new ArrayList<>();
        List<JsonNode> layers = new ArrayList<>();
        visualization.path("layers").forEach(layers::add);
        if (layers.isEmpty()) {
            layers.add(visualization);
        }
        for (JsonNode l : layers) {
            for (String key : List.of("xAccessor", "splitAccessor", "metricAccessor")) {
                if (l.hasNonNull(key)) {
                    ids.add(l.path(key).asText());
                }
            }
            for (String key : List.of("accessors", "primaryGroups", "metrics")) {
                l.path(key).forEach(a -> ids.add(a.asText()));
            }
            l.path("columns").forEach(c -> ids.add(c.path("columnId").asText()));
        }
        return ids;
    }

    @Test
    void controlsAndSearchColumnsUseTemplateFieldsOfTheRightType() {
        List<String> problems = new ArrayList<>();
        assertEquals(7, BUNDLE.controls().size());
        for (DecodedBundle.Control c : BUNDLE.controls()) {
            String type = FIELDS.get(c.field());
            boolean fits = c.type().equals("rangeSliderControl") ? NUMERIC.contains(type)
                    : Set.of("keyword", "ip", "boolean").contains(type);
            if (!fits) {
                problems.add(c + ": field type " + type);
            }
        }
        for (ObjectNode search : BUNDLE.ofType("search")) {
            for (JsonNode column : search.at("/attributes/columns")) {
                if (!FIELDS.containsKey(column.asText())) {
                    problems.add(search.path("id") + ": column " + column + " is not in the index template");
                }
            }
            assertEquals("[[\"@timestamp\",\"desc\"]]", search.at("/attributes/sort").toString());
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theInvestigationPivotsOnTheCommunityIdToTheSensorsRecords() {
        ObjectNode originals = BUNDLE.get("index-pattern", "flowscore-original-logs");
        assertEquals("logs-zeek*,logs-suricata*", originals.at("/attributes/title").asText());
        assertTrue(BUNDLE.controls().stream().anyMatch(c -> c.dashboard().equals("flowscore-investigation")
                && c.field().equals("network.community_id")));
        List<String> searches = new ArrayList<>();
        BUNDLE.get("dashboard", "flowscore-investigation").path("references")
                .forEach(r -> searches.add(r.path("type").asText() + " " + r.path("id").asText()));
        assertTrue(searches.containsAll(List.of("search flowscore-alerts-for-analysts", "search flowscore-original-records")),
                searches.toString());
        for (String search : List.of("flowscore-alerts-for-analysts", "flowscore-original-records")) {
            assertTrue(BUNDLE.get("search", search).at("/attributes/columns").toString().contains("network.community_id"));
        }
    }

    @Test
    void theInvestigationPivotsFromAnAlertGroupToItsFlows() {
        List<String> panels = new ArrayList<>();
        BUNDLE.get("dashboard", "flowscore-investigation").path("references")
                .forEach(r -> panels.add(r.path("type").asText() + " " + r.path("id").asText()));
        assertTrue(panels.containsAll(List.of("search flowscore-alert-groups", "search flowscore-alerts-for-analysts")),
                panels.toString());
        ObjectNode groups = BUNDLE.get("search", "flowscore-alert-groups");
        ObjectNode flows = BUNDLE.get("search", "flowscore-alerts-for-analysts");
        assertEquals("flowscore-alerts", groups.at("/references/0/id").asText());
        assertEquals("flowscore-flows", flows.at("/references/0/id").asText(), "the flows carry their group's id");
        for (String column : List.of("flowscore.alert.group.subject", "flowscore.alert.kind",
                "flowscore.alert.group.flows", "event.start", "event.end", "flowscore.alert.group.top_explanation",
                "flowscore.alert.group.id")) {
            assertTrue(groups.at("/attributes/columns").toString().contains("\"" + column + "\""), column);
        }
        assertTrue(flows.at("/attributes/columns").toString().contains("\"flowscore.alert.group.id\""));
        assertTrue(BUNDLE.controls().stream().anyMatch(c -> c.dashboard().equals("flowscore-investigation")
                && c.field().equals("flowscore.alert.group.id") && c.dataViewId().equals("flowscore-flows")));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.path("references").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }
}
