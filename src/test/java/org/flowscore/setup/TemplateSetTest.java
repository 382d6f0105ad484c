package org.flowscore.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The objects for a namespace, with and without ILM (the test server has none, real clusters mostly do). */
class TemplateSetTest {
    @Test
    void withIlmPoliciesAndTheirComponentsComeFirstAndTheTemplatesUseThem() {
        List<ManagedObject> objects = TemplateSet.of("lab", "1.2.3", true);
        assertEquals(List.of("ILM policy flowscore.flow", "ILM policy flowscore.alert",
                "component template flowscore.flow-lifecycle", "component template flowscore.alert-lifecycle",
                "component template flowscore-mappings", "index template logs-flowscore.flow-lab",
                "index template logs-flowscore.alert-lab"), objects.stream().map(Object::toString).toList());
        assertEquals("1.2.3", objects.get(0).body().at("/policy/_meta/version").asText());
        assertEquals("90d", objects.get(0).body().at("/policy/phases/delete/min_age").asText());
        assertEquals("365d", objects.get(1).body().at("/policy/phases/delete/min_age").asText());
        assertEquals("flowscore.alert", objects.get(3).body().at("/template/settings/index/lifecycle/name").asText());
        assertEquals("[\"flowscore-mappings\",\"flowscore.alert-lifecycle\"]",
                objects.get(6).body().get("composed_of").toString());
        assertEquals("[\"logs-flowscore.alert-lab\"]", objects.get(6).body().get("index_patterns").toString());
        assertEquals("1.2.3", objects.get(6).body().at("/_meta/version").asText());
    }

    @Test
    void withoutIlmNoLifecycleIsNamed() {
        List<ManagedObject> objects = TemplateSet.of("default", "1.2.3", false);
        assertEquals(3, objects.size());
        assertEquals("[\"flowscore-mappings\"]", objects.get(1).body().get("composed_of").toString());
        assertEquals(501, objects.get(1).body().get("priority").asInt());
    }
}
