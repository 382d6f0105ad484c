package org.flowscore.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import org.flowscore.setup.TemplateInstaller.Action;
import org.flowscore.setup.TemplateInstaller.Result;
import org.flowscore.testing.AgainstElasticsearch;
import org.flowscore.testing.ElasticsearchServer;
import org.flowscore.testing.EsRequests;
import org.junit.jupiter.api.Test;

/** Setup against a real Elasticsearch; each test has a namespace of its own. */
@AgainstElasticsearch
class SetupAgainstElasticsearchTest {
    private static EsHttp http() {
        return new EsHttp(URI.create(ElasticsearchServer.shared().url()));
    }

    private static List<JsonNode> installed(String ns) {
        return List.of(EsRequests.get("/_index_template/logs-flowscore.flow-" + ns),
                EsRequests.get("/_index_template/logs-flowscore.alert-" + ns),
                EsRequests.get("/_component_template/flowscore-mappings"));
    }

    @Test
    void checksTheServerThroughItsNodeInfo() {
        assertEquals("8.19.21", ClusterCheck.check(http()).number());
    }

    @Test
    void installsEverythingOnceAndThenReportsItUnchanged() {
        Result first = new TemplateInstaller(http()).install("idempotent", "9.9.9-test");
        assertFalse(first.ilm(), "the test distribution has no ILM");
        assertEquals(List.of("component template flowscore-mappings", "index template logs-flowscore.flow-idempotent",
                "index template logs-flowscore.alert-idempotent"),
                first.outcomes().stream().map(o -> o.object().toString()).toList());
        assertEquals(Action.CREATED, first.outcomes().get(1).action());
        assertEquals(Action.CREATED, first.outcomes().get(2).action());
        List<JsonNode> before = installed("idempotent");

        Result second = new TemplateInstaller(http()).install("idempotent", "9.9.9-test");
        assertEquals(3, second.count(Action.UNCHANGED));
        assertEquals(before, installed("idempotent"));

        JsonNode flow = before.getFirst().at("/index_templates/0/index_template");
        assertEquals("[\"logs-flowscore.flow-idempotent\"]", flow.get("index_patterns").toString());
        assertEquals(501, flow.get("priority").asInt());
        assertEquals("[\"flowscore-mappings\"]", flow.get("composed_of").toString());
        assertEquals("flowscore", flow.at("/_meta/managed_by").asText());
        assertEquals("9.9.9-test", flow.at("/_meta/version").asText());
    }

    @Test
    void anotherFlowscoreVersionRewritesWhatItStamps() {
        new TemplateInstaller(http()).install("upgrade", "1.0.0-test");
        Result upgrade = new TemplateInstaller(http()).install("upgrade", "1.0.1-test");
        assertEquals(3, upgrade.count(Action.UPDATED));
        assertEquals("1.0.1-test",
                installed("upgrade").get(1).at("/index_templates/0/index_template/_meta/version").asText());
    }
}
