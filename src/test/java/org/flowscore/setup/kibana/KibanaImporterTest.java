package org.flowscore.setup.kibana;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.flowscore.elastic.EsAuth;
import org.flowscore.elastic.EsTls;
import org.flowscore.setup.EsHttp;
import org.flowscore.setup.SetupException;
import org.flowscore.testing.AgainstElasticsearch;
import org.flowscore.testing.ElasticsearchServer;
import org.flowscore.testing.SecuredConfig.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The import request against a stand-in for Kibana's HTTP API ({@link KibanaStub}: Kibana cannot run here), which
 * checks what Kibana's import API documents and answers as Kibana does, so the report and the explanations of
 * Kibana's errors are tested on Kibana's answer shapes.
 */
@AgainstElasticsearch
class KibanaImporterTest {
    private KibanaStub kibana;

    private EsHttp start(EsAuth auth) throws IOException {
        kibana = new KibanaStub("/api/saved_objects/_import", SavedObjectBundle.NDJSON, SavedObjectBundle.shipped());
        return kibana.client(auth);
    }

    @AfterEach
    void stop() {
        if (kibana != null) {
            kibana.close();
        }
    }

    private static EsAuth admin() {
        return KibanaStub.admin();
    }

    @Test
    void importsTheShippedBundleIntoASpaceAndTellsCreatedFromUpdated() throws IOException {
        EsHttp http = start(admin());
        kibana.expectedPath = "/s/soc/api/saved_objects/_import";
        kibana.importAnswer = """
                {"success":true,"successCount":2,"successResults":[
                 {"type":"index-pattern","id":"flowscore-flows","meta":{"title":"logs-flowscore.flow-*","icon":"indexPatternApp"}},
                 {"type":"dashboard","id":"flowscore-overview","meta":{"title":"flowscore: Overview","icon":"dashboardApp"},"overwrite":true}],
                 "warnings":[]}""";
        KibanaImporter importer = new KibanaImporter(http);
        assertEquals("8.8.2", importer.checkVersion());
        List<KibanaImporter.Imported> imported = importer.importBundle(SavedObjectBundle.shipped(), "soc");
        assertEquals(List.of(), kibana.problems);
        assertEquals(List.of(
                new KibanaImporter.Imported("index-pattern", "flowscore-flows", "logs-flowscore.flow-*", false),
                new KibanaImporter.Imported("dashboard", "flowscore-overview", "flowscore: Overview", true)), imported);
    }

    @Test
    void theDefaultSpaceHasNoSpacePrefix() throws IOException {
        EsHttp http = start(admin());
        kibana.importAnswer = "{\"success\":true,\"successCount\":0,\"successResults\":[]}";
        new KibanaImporter(http).importBundle(SavedObjectBundle.shipped(), "default");
        assertEquals(List.of(), kibana.problems);
    }

    @Test
    void aKibanaOlderThanTheObjectsIsNamedWithTheVersionNeeded() throws IOException {
        EsHttp http = start(admin());
        kibana.statusVersion = "8.7.1";
        SetupException e = assertThrows(SetupException.class, () -> new KibanaImporter(http).checkVersion());
        assertTrue(e.getMessage().startsWith("Kibana 8.7.1 at http://127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().contains("need Kibana 8.8.0 or later"), e.getMessage());
    }

    @Test
    void versionsCompareNumerically() {
        assertTrue(KibanaImporter.compare("8.10.0", "8.8.0") > 0);
        assertTrue(KibanaImporter.compare("9.0.0-SNAPSHOT", "8.8.0") > 0);
        assertEquals(0, KibanaImporter.compare("8.8.0", "8.8.0"));
        assertTrue(KibanaImporter.compare("7.17.9", "8.8.0") < 0);
    }

    @Test
    void missingReferencesAndNewerObjectsAreExplainedPerObject() throws IOException {
        EsHttp http = start(admin());
        kibana.importAnswer = """
                {"success":false,"successCount":0,"errors":[
                 {"id":"flowscore-overview","type":"dashboard","title":"flowscore: Overview","meta":{"title":"flowscore: Overview"},
                  "error":{"type":"missing_references","references":[{"type":"index-pattern","id":"flowscore-flows"}]}},
                 {"id":"flowscore-flows","type":"index-pattern","meta":{},
                  "error":{"type":"unknown","message":"Document \\"flowscore-flows\\" belongs to a more recent version of Kibana [8.8.0] when the last known version is [8.7.0].","statusCode":400}}]}""";
        SetupException e = assertThrows(SetupException.class,
                () -> new KibanaImporter(http).importBundle(SavedObjectBundle.shipped(), "default"));
        assertEquals(List.of(), kibana.problems);
        assertTrue(e.getMessage().contains("did not import 2 object(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("dashboard flowscore-overview: refers to index-pattern flowscore-flows,"
                + " which is neither in the bundle nor in the space"), e.getMessage());
        assertTrue(e.getMessage().contains("this Kibana is older than the objects; flowscore needs Kibana 8.8.0 or later"),
                e.getMessage());
    }

    @Test
    void anUnknownSpaceSaysToCreateIt() throws IOException {
        EsHttp http = start(admin());
        kibana.expectedPath = "/s/lab/api/saved_objects/_import";
        kibana.importStatus = 404;
        kibana.importAnswer = "{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"Not Found\"}";
        SetupException e = assertThrows(SetupException.class,
                () -> new KibanaImporter(http).importBundle(SavedObjectBundle.shipped(), "lab"));
        assertTrue(e.getMessage().contains("does the space 'lab' exist?"), e.getMessage());
    }

    @Test
    void aRejectedPasswordNamesTheVariables() throws IOException {
        EsHttp http = start(new EsAuth.Basic("kibana_admin", "wrong"));
        kibana.refuseAll(401);
        SetupException e = assertThrows(SetupException.class, () -> new KibanaImporter(http).checkVersion());
        assertTrue(e.getMessage().contains("(HTTP 401 to GET /api/status): check FLOWSCORE_ES_USERNAME/FLOWSCORE_ES_PASSWORD"),
                e.getMessage());
    }

    @Test
    void pointedAtElasticsearchOverTlsItSaysThisIsNotKibana() {
        // The real secured server: the Kibana path gets through TLS (CA file) and the file-realm user,
        // then finds no Kibana status and says which URL is wanted.
        Credentials c = ElasticsearchServer.secured().credentials();
        EsHttp http = EsHttp.kibana(URI.create(ElasticsearchServer.secured().url()),
                new EsAuth.Basic(c.user(), c.password()), new EsTls(c.caFile(), null, false));
        SetupException e = assertThrows(SetupException.class, () -> new KibanaImporter(http).checkVersion());
        assertTrue(e.getMessage().contains("no Kibana version — is this the Kibana URL (port 5601 by default)"),
                e.getMessage());
        SetupException untrusted = assertThrows(SetupException.class, () -> new KibanaImporter(EsHttp.kibana(
                URI.create(ElasticsearchServer.secured().url()), new EsAuth.Basic(c.user(), c.password()),
                EsTls.DEFAULT)).checkVersion());
        assertTrue(untrusted.getMessage().contains("--es-ca FILE"), untrusted.getMessage());
    }

    @Test
    void theMultipartBodyIsTheFileBetweenBoundaries() {
        byte[] body = KibanaImporter.multipart("b", "flowscore.ndjson", "{}\n".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"flowscore.ndjson\"\r\n"
                + "Content-Type: application/ndjson\r\n\r\n{}\n\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8), body);
    }
}
