package org.flowscore.sink.es;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowscore.elastic.EsAuth;
import org.flowscore.elastic.EsTls;
import org.flowscore.elastic.Namespace;

/**
 * Everything the Elasticsearch output needs: where, which namespace, who we are, which certificates to
 * trust, where refused documents go, and how documents are batched. Safe to print: {@link EsAuth} hides
 * its secrets.
 */
public record EsOutputSettings(List<URI> urls, String namespace, EsAuth auth, EsTls tls, Path deadLetter,
                               Batching batching) {
    /** Where documents Elasticsearch refuses for good go when nobody says otherwise. */
    public static final Path DEFAULT_DEAD_LETTER = Path.of("flowscore-dead-letter.ndjson");

    public EsOutputSettings {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one Elasticsearch URL is needed");
        }
    }

    /**
     * Settings from what a user typed or configured: URLs checked, the namespace validated (null for the
     * default), the dead-letter file defaulted.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static EsOutputSettings of(List<String> urls, String namespace, EsAuth auth, EsTls tls, Path deadLetter,
                                      Batching batching) {
        List<URI> parsed = new ArrayList<>();
        for (String url : urls) {
            parsed.add(url(url));
        }
        return new EsOutputSettings(parsed, Namespace.validate(namespace == null ? Namespace.DEFAULT : namespace),
                auth, tls, deadLetter == null ? DEFAULT_DEAD_LETTER : deadLetter, batching);
    }

    /** An http:// or https:// URL with a host. */
    public static URI url(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("an Elasticsearch URL must be http:// or https:// with a host,"
                        + " e.g. http://localhost:9200: " + url);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage());
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
