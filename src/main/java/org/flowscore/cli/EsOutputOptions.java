package org.flowscore.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscore.elastic.Namespace;
import org.flowscore.sink.es.Batching;
import org.flowscore.sink.es.EsOutputSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Where and how to write to Elasticsearch; credentials and trust as {@link EsTrustOptions} says. */
final class EsOutputOptions {
    @Option(names = "--es", paramLabel = "URL",
            description = {
                "Also write to Elasticsearch at URL (repeat for several nodes): every flow to logs-flowscore.flow-NS,"
                        + " alerts (see --alerts) to logs-flowscore.alert-NS. Run 'flowscore setup' first.",
                "Credentials from the environment: FLOWSCORE_ES_USERNAME and FLOWSCORE_ES_PASSWORD,"
                        + " FLOWSCORE_ES_API_KEY, or FLOWSCORE_ES_BEARER_TOKEN."})
    List<String> urls = new ArrayList<>();

    @Option(names = "--namespace", paramLabel = "NS",
            description = "The data streams' namespace: lower case, no '-' (default: ${DEFAULT-VALUE}).")
    String namespace = Namespace.DEFAULT;

    @Mixin
    EsTrustOptions trust;

    @Option(names = "--dead-letter", paramLabel = "FILE",
            description = "Where documents Elasticsearch refuses for good go, with the reason (default: ${DEFAULT-VALUE}).")
    Path deadLetter = EsOutputSettings.DEFAULT_DEAD_LETTER;

    boolean enabled() {
        return !urls.isEmpty();
    }

    EsOutputSettings settings(CommandLine commandLine, Map<String, String> environment) {
        try {
            return EsOutputSettings.of(urls, namespace, EsTrustOptions.auth(commandLine, environment),
                    trust.tls(commandLine), deadLetter, Batching.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "--es: " + e.getMessage());
        }
    }
}
