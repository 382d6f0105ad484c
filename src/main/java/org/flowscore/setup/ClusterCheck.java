package org.flowscore.setup;

/**
 * Checks before any change that the URL reaches an Elasticsearch server flowscore supports: reachability
 * and credentials (through {@link EsHttp}'s errors), then the version.
 */
public final class ClusterCheck {
    private ClusterCheck() {
    }

    public static ServerVersion check(EsHttp http) {
        EsHttp.Response root = http.get("/");
        ServerVersion version;
        if (root.status() == 405) {
            // Some builds (the integration-test distribution among them) refuse GET /; the node info has it too.
            EsHttp.Response nodes = http.get("/_nodes/_local?filter_path=nodes.*.version");
            version = nodes.ok() ? ServerVersion.fromLocalNode(nodes.json()) : null;
        } else {
            version = root.ok() ? ServerVersion.fromRoot(root.json()) : null;
        }
        if (version == null) {
            throw new SetupException(http.url() + " does not look like Elasticsearch (GET / answered HTTP "
                    + root.status() + ": " + excerpt(root.body()) + ") — is the URL the Elasticsearch HTTP port?");
        }
        if (!version.supported()) {
            throw new SetupException(version.refusal(http.url()));
        }
        return version;
    }

    private static String excerpt(String body) {
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return oneLine.isEmpty() ? "an empty body" : oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
    }
}
