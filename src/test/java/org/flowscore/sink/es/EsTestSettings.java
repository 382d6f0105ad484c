package org.flowscore.sink.es;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.flowscore.elastic.EsAuth;
import org.flowscore.elastic.EsTls;
import org.flowscore.setup.EsHttp;
import org.flowscore.setup.TemplateInstaller;

/** Output settings for tests, and the setup a real run does first. */
final class EsTestSettings {
    /** Small batches, so that even one hourly file makes several requests. */
    static final Batching SMALL = new Batching(500, 4L << 20, 2000, Duration.ofMillis(200));

    private EsTestSettings() {
    }

    static EsOutputSettings of(String url, String namespace, Path deadLetter) {
        return new EsOutputSettings(List.of(URI.create(url)), namespace, new EsAuth.None(), EsTls.DEFAULT, deadLetter,
                SMALL);
    }

    static EsOutputSettings of(String url, EsAuth auth, EsTls tls, Path deadLetter) {
        return new EsOutputSettings(List.of(URI.create(url)), "secured", auth, tls, deadLetter, SMALL);
    }

    /** What {@code flowscore setup} does: the namespace's templates. */
    static void setUp(String url, String namespace) {
        new TemplateInstaller(new EsHttp(URI.create(url))).install(namespace, "test");
    }
}
