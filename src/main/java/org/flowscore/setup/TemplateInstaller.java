package org.flowscore.setup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs a namespace's templates (and the ILM policies where the cluster has ILM) idempotently: each
 * object is read first and written only when what is there differs from what setup would write.
 */
public final class TemplateInstaller {
    /** What happened to one object. */
    public enum Action { CREATED, UPDATED, UNCHANGED }

    /** One object and what happened to it. */
    public record Outcome(ManagedObject object, Action action) {
    }

    /** The outcome of a setup run: whether the cluster has ILM, and each object's outcome in order. */
    public record Result(boolean ilm, List<Outcome> outcomes) {
        public long count(Action action) {
            return outcomes.stream().filter(o -> o.action() == action).count();
        }
    }

    private final EsHttp http;

    public TemplateInstaller(EsHttp http) {
        this.http = http;
    }

    public Result install(String namespace, String flowscoreVersion) {
        boolean ilm = hasIlm();
        List<Outcome> outcomes = new ArrayList<>();
        for (ManagedObject object : TemplateSet.of(namespace, flowscoreVersion, ilm)) {
            outcomes.add(new Outcome(object, apply(object)));
        }
        return new Result(ilm, outcomes);
    }

    /** Clusters without the ILM plugin (and the test distribution) answer this with an error status. */
    private boolean hasIlm() {
        EsHttp.Response status = http.get("/_ilm/status");
        return status.ok() && status.json() != null && status.json().has("operation_mode");
    }

    private Action apply(ManagedObject object) {
        String path = object.kind().path(object.name());
        EsHttp.Response current = http.get(path);
        JsonNode installed = null;
        if (current.ok()) {
            installed = current.json() == null ? null : object.kind().definition(current.json(), object.name());
        } else if (current.status() != 404) {
            throw refused(object, "reading", current);
        }
        if (installed != null && Definitions.covers(installed, object.body())) {
            return Action.UNCHANGED;
        }
        EsHttp.Response written = http.put(path, object.body());
        if (!written.ok()) {
            throw refused(object, "writing", written);
        }
        return installed == null ? Action.CREATED : Action.UPDATED;
    }

    private SetupException refused(ManagedObject object, String doing, EsHttp.Response answer) {
        JsonNode json = answer.json();
        String reason = json != null && json.path("error").path("reason").isTextual()
                ? json.path("error").path("reason").asText()
                : answer.body();
        return new SetupException(http.url() + " refused " + doing + " the " + object + " (HTTP " + answer.status()
                + "): " + reason);
    }
}
