package org.flowscore.sink.es;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.flowscore.elastic.EsAuth;
import org.flowscore.elastic.EsTls;
import org.flowscore.testing.AgainstElasticsearch;
import org.flowscore.testing.ElasticsearchServer;
import org.flowscore.testing.SecuredConfig.Credentials;
import org.flowscore.testing.StandInPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writing to a server with security and TLS on: a file-realm user trusted by CA file and by CA
 * fingerprint, a service-account bearer token, and the clear errors for a wrong password and an
 * untrusted certificate.
 */
@AgainstElasticsearch
class SecuredElasticsearchTest {
    @TempDir
    Path tmp;

    @Test
    void basicAuthOverTlsTrustingTheCaFile() throws Exception {
        Credentials c = ElasticsearchServer.secured().credentials();
        writeOneHour(new EsAuth.Basic(c.user(), c.password()), new EsTls(c.caFile(), null, false), "basicca");
    }

    @Test
    void basicAuthOverTlsPinningTheCaFingerprint() throws Exception {
        Credentials c = ElasticsearchServer.secured().credentials();
        writeOneHour(new EsAuth.Basic(c.user(), c.password()), new EsTls(null, c.caFingerprint(), false), "basicpin");
    }

    @Test
    void serviceAccountBearerToken() throws Exception {
        Credentials c = ElasticsearchServer.secured().credentials();
        writeOneHour(new EsAuth.Bearer(c.serviceToken()), new EsTls(c.caFile(), null, false), "bearer");
    }

    @Test
    void aWrongPasswordIsNamedAndNeverShown() {
        Credentials c = ElasticsearchServer.secured().credentials();
        String wrong = "wrong-" + c.password();
        EsSinkException e = assertThrows(EsSinkException.class, () -> open(new EsAuth.Basic(c.user(), wrong),
                new EsTls(c.caFile(), null, false), "wrongpw").close());
        assertTrue(e.getMessage().contains("credentials rejected"), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong), e.getMessage());
        assertFalse(e.getMessage().contains(c.password()), e.getMessage());
    }

    @Test
    void anUntrustedCertificateSuggestsTheCaOptions() {
        Credentials c = ElasticsearchServer.secured().credentials();
        EsSinkException e = assertThrows(EsSinkException.class, () -> open(new EsAuth.Basic(c.user(), c.password()),
                EsTls.DEFAULT, "untrusted").close());
        assertTrue(e.getMessage().contains("is not trusted"), e.getMessage());
        assertTrue(e.getMessage().contains("--es-ca FILE"), e.getMessage());
        assertTrue(e.getMessage().contains("--es-ca-fingerprint"), e.getMessage());
        assertFalse(e.getMessage().contains(c.password()), e.getMessage());
    }

    @Test
    void aFingerprintOfAnotherCaIsRefused() {
        Credentials c = ElasticsearchServer.secured().credentials();
        EsSinkException e = assertThrows(EsSinkException.class, () -> open(new EsAuth.Basic(c.user(), c.password()),
                new EsTls(null, "ab".repeat(32), false), "otherpin").close());
        assertTrue(e.getMessage().contains("--es-ca-fingerprint"), e.getMessage());
    }

    private EsSink open(EsAuth auth, EsTls tls, String namespace) {
        EsOutputSettings settings = new EsOutputSettings(List.of(URI.create(ElasticsearchServer.secured().url())),
                namespace, auth, tls, tmp.resolve("dead.ndjson"), EsTestSettings.SMALL);
        return EsSink.open(settings, System.err::println);
    }

    /** The first hourly file through the sink; the flow index then holds each of its records once. */
    private void writeOneHour(EsAuth auth, EsTls tls, String namespace) throws Exception {
        EsSink.Summary summary;
        try (EsSink sink = open(auth, tls, namespace)) {
            StandInPipeline.run(List.of(StandInPipeline.ritaDay().getFirst()), sink);
            summary = sink.summary();
        }
        assertTrue(summary.flows() > 500, "one hour has hundreds of flows: " + summary.flows());
        assertEquals(summary.flows(), summary.bulk().stream("logs-flowscore.flow-" + namespace).indexed());
        assertEquals(summary.flows(), count("logs-flowscore.flow-" + namespace));
    }

    private static long count(String index) throws Exception {
        Credentials c = ElasticsearchServer.secured().credentials();
        var client = c.httpClient();
        String base = ElasticsearchServer.secured().url() + "/" + index;
        client.send(HttpRequest.newBuilder(URI.create(base + "/_refresh")).header("Authorization", c.basicHeader())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/_count"))
                .header("Authorization", c.basicHeader()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return new ObjectMapper().readTree(r.body()).path("count").asLong();
    }
}
