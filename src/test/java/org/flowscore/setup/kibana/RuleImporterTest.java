package org.flowscore.setup.kibana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.flowscore.setup.SetupException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The detection-rule import against a stand-in for Kibana ({@link KibanaStub}), which checks the request as the rule
 * import API documents it (POST {@code /api/detection_engine/rules/_import?overwrite=true} in the space, kbn-xsrf,
 * one multipart field {@code file} with the rules' NDJSON) and answers in the detection engine's shape: 200 with a
 * count, and refused rules listed under {@code errors}.
 */
class RuleImporterTest {
    private final KibanaStub kibana = new KibanaStub("/api/detection_engine/rules/_import", RuleBundle.NDJSON,
            RuleBundle.shipped());

    RuleImporterTest() throws IOException {
    }

    @AfterEach
    void stop() {
        kibana.close();
    }

    private int importInto(String space) {
        return new RuleImporter(kibana.client(KibanaStub.admin())).importRules(RuleBundle.shipped(), space);
    }

    @Test
    void importsTheShippedRulesIntoTheDefaultSpaceAndASpace() {
        kibana.importAnswer = """
                {"success":true,"success_count":7,"rules_count":7,"errors":[],"exceptions_errors":[],\
                "exceptions_success":true,"exceptions_success_count":0}""";
        assertEquals(7, importInto("default"));
        kibana.expectedPath = "/s/soc/api/detection_engine/rules/_import";
        assertEquals(7, importInto("soc"));
        assertEquals(List.of(), kibana.problems);
    }

    @Test
    void refusedRulesAreNamedWithKibanasReason() {
        kibana.importAnswer = """
                {"success":false,"success_count":6,"rules_count":7,"errors":[{"rule_id":"flowscore-beacon",\
                "error":{"status_code":400,"message":"threat.0.tactic.id: Required"}}]}""";
        SetupException e = assertThrows(SetupException.class, () -> importInto("default"));
        assertEquals(List.of(), kibana.problems);
        assertTrue(e.getMessage().endsWith("did not import 1 detection rule(s):\n  flowscore-beacon:"
                + " threat.0.tactic.id: Required (400)"), e.getMessage());
    }

    @Test
    void withoutElasticSecurityItSaysSo() {
        kibana.expectedPath = "/s/lab/api/detection_engine/rules/_import";
        kibana.importStatus = 404;
        kibana.importAnswer = "{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"Not Found\"}";
        SetupException e = assertThrows(SetupException.class, () -> importInto("lab"));
        assertTrue(e.getMessage().contains("is Elastic Security enabled in this Kibana and does the space 'lab'"
                + " exist?"), e.getMessage());
        kibana.expectedPath = "/api/detection_engine/rules/_import";
        kibana.importStatus = 403;
        kibana.importAnswer = "{\"statusCode\":403,\"error\":\"Forbidden\",\"message\":\"missing privileges\"}";
        e = assertThrows(SetupException.class, () -> importInto("default"));
        assertTrue(e.getMessage().contains("(HTTP 403 to POST /api/detection_engine/rules/_import?overwrite=true):"
                + " the user needs") && e.getMessage().endsWith("All on Security's Rules"), e.getMessage());
    }
}
