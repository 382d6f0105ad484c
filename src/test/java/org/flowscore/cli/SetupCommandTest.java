package org.flowscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.flowscore.testing.AgainstElasticsearch;
import org.flowscore.testing.ElasticsearchServer;
import org.junit.jupiter.api.Test;

/** {@code flowscore setup} as a user runs it, against the test Elasticsearch. */
@AgainstElasticsearch
class SetupCommandTest {
    @Test
    void installsThenSaysNothingIsLeftToChange() {
        String url = ElasticsearchServer.shared().url();
        CliRun first = CliRun.of("setup", "--es", url, "--namespace", "clitest");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().startsWith("Elasticsearch 8.19.21 at " + url + "\n"
                + "this cluster has no ILM; skipping the lifecycle policy\n"), first.out());
        assertTrue(first.out().contains("created   index template logs-flowscore.flow-clitest\n"), first.out());
        assertTrue(first.out().contains("created   index template logs-flowscore.alert-clitest\n"), first.out());

        CliRun second = CliRun.of("setup", "--es", url, "--namespace", "clitest");
        assertEquals(0, second.exitCode(), second.err());
        assertTrue(second.out().endsWith("unchanged component template flowscore-mappings\n"
                + "unchanged index template logs-flowscore.flow-clitest\n"
                + "unchanged index template logs-flowscore.alert-clitest\n"
                + "nothing to change: all 3 objects were already installed\n"), second.out());
    }

    @Test
    void anUnreachableClusterIsOneClearLine() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        CliRun run = CliRun.of("setup", "--es", "http://127.0.0.1:" + closed);
        assertEquals(1, run.exitCode());
        assertEquals("flowscore: cannot reach http://127.0.0.1:" + closed + ": connection refused — is Elasticsearch"
                + " running, is the URL right?\n", run.err());
    }

    @Test
    void aBadNamespaceOrUrlIsAUsageError() {
        CliRun dash = CliRun.of("setup", "--es", "http://127.0.0.1:9", "--namespace", "my-lab");
        assertEquals(2, dash.exitCode());
        assertTrue(dash.err().startsWith("--namespace: namespace 'my-lab' must not contain '-'"), dash.err());
        CliRun url = CliRun.of("setup", "--es", "localhost:9200");
        assertEquals(2, url.exitCode());
        assertTrue(url.err().startsWith("--es must be an http:// or https:// URL with a host"), url.err());
    }

    @Test
    void theTrustOptionsReachTheSecuredServerAndMissingCredentialsAreNamed() {
        String url = ElasticsearchServer.secured().url();
        String ca = ElasticsearchServer.secured().credentials().caFile().toString();
        // No credentials in this test's environment: getting as far as HTTP 401 shows the CA was trusted.
        CliRun trusted = CliRun.of("setup", "--es", url, "--es-ca", ca);
        assertEquals(1, trusted.exitCode());
        assertTrue(trusted.err().startsWith("flowscore: credentials rejected by " + url + " (HTTP 401 to GET /): the"
                + " cluster has security on; set FLOWSCORE_ES_USERNAME/FLOWSCORE_ES_PASSWORD"), trusted.err());

        CliRun untrusted = CliRun.of("setup", "--es", url);
        assertEquals(1, untrusted.exitCode());
        assertTrue(untrusted.err().contains("is not trusted"), untrusted.err());

        CliRun insecure = CliRun.of("setup", "--es", url, "--insecure");
        assertEquals(1, insecure.exitCode());
        assertTrue(insecure.err().startsWith("flowscore: WARNING: --insecure: the Elasticsearch server's certificate"),
                insecure.err());
        assertTrue(insecure.err().contains("credentials rejected"), insecure.err());

        CliRun missing = CliRun.of("setup", "--es", url, "--es-ca", "no-such-ca.crt");
        assertEquals(1, missing.exitCode());
        assertEquals("flowscore: --es-ca no-such-ca.crt: no such file\n", missing.err());
    }
}
