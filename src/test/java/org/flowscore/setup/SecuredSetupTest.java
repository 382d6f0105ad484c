package org.flowscore.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.flowscore.elastic.EsAuth;
import org.flowscore.elastic.EsTls;
import org.flowscore.setup.TemplateInstaller.Action;
import org.flowscore.testing.AgainstElasticsearch;
import org.flowscore.testing.ElasticsearchServer;
import org.flowscore.testing.SecuredConfig.Credentials;
import org.junit.jupiter.api.Test;

/**
 * Setup against the server with security and TLS on: the same credentials and certificate trust as the
 * bulk writer, and a message naming what to fix when either is wrong, never the secret.
 */
@AgainstElasticsearch
class SecuredSetupTest {
    private static EsHttp http(EsAuth auth, EsTls tls) {
        return new EsHttp(URI.create(ElasticsearchServer.secured().url()), auth, tls);
    }

    @Test
    void aFileRealmUserTrustingTheCaFileInstallsThenFindsNothingToChange() {
        Credentials c = ElasticsearchServer.secured().credentials();
        EsHttp http = http(new EsAuth.Basic(c.user(), c.password()), new EsTls(c.caFile(), null, false));
        assertEquals(8, ClusterCheck.check(http).major());
        TemplateInstaller installer = new TemplateInstaller(http);
        assertEquals(0, installer.install("setupbasic", "test").count(Action.UNCHANGED));
        TemplateInstaller.Result again = installer.install("setupbasic", "test");
        assertEquals(again.outcomes().size(), again.count(Action.UNCHANGED));
    }

    @Test
    void aServiceAccountTokenWithThePinnedCaFingerprintGetsIn() {
        Credentials c = ElasticsearchServer.secured().credentials();
        EsHttp http = http(new EsAuth.Bearer(c.serviceToken()), new EsTls(null, c.caFingerprint(), false));
        assertEquals("8.19.21", ClusterCheck.check(http).number());
    }

    @Test
    void aWrongPasswordNamesTheVariablesAndNeverShowsThePassword() {
        Credentials c = ElasticsearchServer.secured().credentials();
        String wrong = "wrong-" + c.password();
        SetupException e = assertThrows(SetupException.class, () -> ClusterCheck.check(
                http(new EsAuth.Basic(c.user(), wrong), new EsTls(c.caFile(), null, false))));
        assertTrue(e.getMessage().startsWith("credentials rejected by " + ElasticsearchServer.secured().url()
                + " (HTTP 401 to GET /): check FLOWSCORE_ES_USERNAME/FLOWSCORE_ES_PASSWORD"), e.getMessage());
        assertFalse(e.getMessage().contains(c.password()), e.getMessage());
    }

    @Test
    void noCredentialsSaysTheClusterWantsThem() {
        Credentials c = ElasticsearchServer.secured().credentials();
        SetupException e = assertThrows(SetupException.class, () -> ClusterCheck.check(
                http(new EsAuth.None(), new EsTls(c.caFile(), null, false))));
        assertTrue(e.getMessage().contains("the cluster has security on; set FLOWSCORE_ES_USERNAME"), e.getMessage());
    }

    @Test
    void anUntrustedCertificateSuggestsTheCaOptions() {
        Credentials c = ElasticsearchServer.secured().credentials();
        SetupException e = assertThrows(SetupException.class, () -> ClusterCheck.check(
                http(new EsAuth.Basic(c.user(), c.password()), EsTls.DEFAULT)));
        assertTrue(e.getMessage().contains("is not trusted"), e.getMessage());
        assertTrue(e.getMessage().contains("--es-ca FILE"), e.getMessage());
        assertTrue(e.getMessage().contains("--es-ca-fingerprint HEX"), e.getMessage());
    }

    @Test
    void insecureSkipsTheCertificateCheckThatOtherwiseFails() {
        Credentials c = ElasticsearchServer.secured().credentials();
        EsAuth auth = new EsAuth.Basic(c.user(), c.password());
        assertThrows(SetupException.class, () -> ClusterCheck.check(http(auth, EsTls.DEFAULT)));
        assertEquals(8, ClusterCheck.check(http(auth, new EsTls(null, null, true))).major());
    }
}
