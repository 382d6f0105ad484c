package org.flowscore.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The kinds of cluster object setup installs, with where each lives and how a GET returns it. */
public enum ObjectKind {
    ILM_POLICY("ILM policy", "/_ilm/policy/") {
        @Override
        JsonNode definition(JsonNode answer, String name) {
            // GET answers {name: {version, modified_date, policy, in_use_by}}; PUT takes {policy}.
            JsonNode policy = answer.path(name).path("policy");
            if (policy.isMissingNode()) {
                return null;
            }
            ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
            wrapped.set("policy", policy);
            return wrapped;
        }
    },
    COMPONENT_TEMPLATE("component template", "/_component_template/") {
        @Override
        JsonNode definition(JsonNode answer, String name) {
            return present(answer.path("component_templates").path(0).path("component_template"));
        }
    },
    INDEX_TEMPLATE("index template", "/_index_template/") {
        @Override
        JsonNode definition(JsonNode answer, String name) {
            return present(answer.path("index_templates").path(0).path("index_template"));
        }
    };

    private final String label;
    private final String path;

    ObjectKind(String label, String path) {
        this.label = label;
        this.path = path;
    }

    public String label() {
        return label;
    }

    String path(String name) {
        return path + name;
    }

    /** The object's definition in a GET answer, shaped as a PUT body; null when the answer has none. */
    abstract JsonNode definition(JsonNode answer, String name);

    private static JsonNode present(JsonNode node) {
        return node.isMissingNode() ? null : node;
    }
}
