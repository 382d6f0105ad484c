package org.flowscore.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The model and the outputs of the daemons that read a settings file ({@code tail}, {@code consume}): the same
 * flags, written into the settings tree under the same keys, so that flags override the file and the environment
 * alike for both.
 */
final class DaemonOutputOptions {
    @Option(names = "--model", paramLabel = "MODEL",
            description = "A built-in model (default, nsl-kdd) or a bundle's path (default: the default model).")
    String model;

    @Option(names = "--threshold", paramLabel = "X", description = "Decision threshold (default: the model's).")
    Double threshold;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Append every flow as NDJSON to FILE.")
    String output;

    @Option(names = "--es", paramLabel = "URL",
            description = "Index into Elasticsearch at URL (repeat for several nodes); run 'flowscore setup' first.")
    List<String> es;

    @Option(names = "--namespace", paramLabel = "NS", description = "Data streams' namespace (default: default).")
    String namespace;

    @Mixin
    EsTrustOptions trust;

    @Option(names = "--dead-letter", paramLabel = "FILE",
            description = "Documents Elasticsearch refuses for good (default: flowscore-dead-letter.ndjson).")
    String deadLetter;

    @Option(names = "--allowlist", paramLabel = "FILE",
            description = "Flows an entry of this YAML file covers are scored and written, marked allowlisted, and"
                    + " never alert; the file is read again when it changes (config/allowlist.yml).")
    String allowlist;

    @Option(names = "--alerts", paramLabel = "MODE",
            description = "grouped (default): one alert document per host, kind of behaviour and window; per-flow:"
                    + " one per flagged flow.")
    String alerts;

    @Option(names = "--alert-window", paramLabel = "D", description = "An alert group's time window (default: 5m).")
    String alertWindow;

    /** The given flags into {@code tree}: model, threshold and output at its root, the rest under elasticsearch. */
    void putInto(ObjectNode tree) {
        Flags.putIfGiven(tree, "model", model);
        if (threshold != null) {
            tree.put("threshold", threshold);
        }
        Flags.putIfGiven(tree, "output", output);
        Flags.putIfGiven(tree, "allowlist", allowlist);
        Flags.putIfGiven(tree, "alerts", alerts);
        Flags.putIfGiven(tree, "alert_window", alertWindow);
        ObjectNode esTree = JsonNodeFactory.instance.objectNode();
        if (es != null) {
            ArrayNode urls = esTree.putArray("urls");
            es.forEach(urls::add);
        }
        Flags.putIfGiven(esTree, "namespace", namespace);
        Flags.putIfGiven(esTree, "ca", trust.caFile == null ? null : trust.caFile.toString());
        Flags.putIfGiven(esTree, "ca_fingerprint", trust.caFingerprint);
        if (trust.insecure) {
            esTree.put("insecure", true);
        }
        Flags.putIfGiven(esTree, "dead_letter", deadLetter);
        if (!esTree.isEmpty()) {
            tree.set("elasticsearch", esTree);
        }
    }
}
