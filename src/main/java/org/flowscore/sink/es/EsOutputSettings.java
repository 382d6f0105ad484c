package org.flowscore.sink.es;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the Elasticsearch output needs: where, which namespace, who we are, which certificates to
 * trust, where refused documents go, and how documents are batched. Safe to print: {@link EsAuth} hides
 * its secrets.
 */
public record EsOutputSettings(List<URI> urls, String namespace, EsAuth auth, EsTls tls, Path deadLetter,
                               Batching batching) {
    public EsOutputSettings {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one Elasticsearch URL is needed");
        }
    }

    /** The data stream every scored flow goes to. */
    public String flowStream() {
        return "logs-flowscore.flow-" + namespace;
    }

    /** The data stream flows at or above the threshold also go to. */
    public String alertStream() {
        return "logs-flowscore.alert-" + namespace;
    }
}
