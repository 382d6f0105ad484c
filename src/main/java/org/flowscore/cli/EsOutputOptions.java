package org.flowscore.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscore.setup.Namespace;
import org.flowscore.sink.es.Batching;
import org.flowscore.sink.es.EsOutputSettings;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where and how to write to Elasticsearch; credentials and trust as {@link EsTrustOptions} says. */
final class EsOutputOptions {
    @Option(names = "--es", paramLabel = "URL",
            description = {"Also write to Elasticsearch at URL (repeat for several nodes): every flow to",
                "logs-flowscore.flow-NS, flagged flows to logs-flowscore.alert-NS. Run 'flowscore setup' first.",
                "Credentials from the environment: FLOWSCORE_ES_USERNAME and FLOWSCORE_ES_PASSWORD,",
                "FLOWSCORE_ES_API_KEY, or FLOWSCORE_ES_BEARER_TOKEN."})
    List<String> urls = new ArrayList<>();

    @Option(names = "--namespace", paramLabel = "NS",
            description = "The data streams' namespace: lower case, no '-' (default: ${DEFAULT-VALUE}).")
    String namespace = Namespace.DEFAULT;

    @Mixin
    EsTrustOptions trust;

    @Option(names = "--dead-letter", paramLabel = "FILE",
            description = "Where documents Elasticsearch refuses for good go, with the reason (default: ${DEFAULT-VALUE}).")
    Path deadLetter = Path.of("flowscore-dead-letter.ndjson");

    boolean enabled() {
        return !urls.isEmpty();
    }

    EsOutputSettings settings(CommandLine commandLine, Map<String, String> environment) {
        try {
            List<URI> parsed = new ArrayList<>();
            for (String url : urls) {
                parsed.add(parse(url));
            }
            return new EsOutputSettings(parsed, Namespace.validate(namespace),
                    EsTrustOptions.auth(commandLine, environment), trust.tls(commandLine), deadLetter, Batching.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        }
    }

    static URI parse(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("--es must be an http:// or https:// URL with a host, e.g."
                        + " http://localhost:9200: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--es is not a URL: " + e.getMessage());
        }
    }
}
