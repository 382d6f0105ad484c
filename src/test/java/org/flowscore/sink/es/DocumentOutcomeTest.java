package org.flowscore.sink.es;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outcome of each document of bulk responses read the way the client reads Elasticsearch's answer
 * (its {@code BulkResponse} deserializer and Jackson mapper). The 201, 200, 409, 400, 404, 503 and 403 items
 * are as Elasticsearch 8.19 sent them; a test server cannot be made to send the others (429, 500, and 401,
 * which Elasticsearch gives for a whole request rather than an item), so they are written in the same shape.
 */
class DocumentOutcomeTest {
    private static final JsonpMapper MAPPER = new JacksonJsonpMapper();

    private static final String CREATED = """
            {"create":{"_index":".ds-logs-flowscore.flow-capture-2026.12.05-000001",\
            "_id":"MAPpx-ZHiCM5UymmYrzjOFJXnYs","_version":1,"result":"created",\
            "_shards":{"total":2,"successful":1,"failed":0},"_seq_no":0,"_primary_term":1,"status":201}}""";

    private static final String UPDATED = """
            {"index":{"_index":"capture-plain","_id":"p1","_version":2,"result":"updated",\
            "_shards":{"total":2,"successful":1,"failed":0},"_seq_no":1,"_primary_term":1,"status":200}}""";

    private static final String EXISTS = """
            {"create":{"_index":".ds-logs-flowscore.flow-capture-2026.12.05-000001",\
            "_id":"MAPpx-ZHiCM5UymmYrzjOFJXnYs","status":409,"error":{"type":"version_conflict_engine_exception",\
            "reason":"[MAPpx-ZHiCM5UymmYrzjOFJXnYs]: version conflict, document already exists (current version [1])",\
            "index_uuid":"bmWepNgBRGG00qqe9pWT3A","shard":"0",\
            "index":".ds-logs-flowscore.flow-capture-2026.12.05-000001"}}}""";

    private static final String NOT_AN_IP = """
            {"create":{"_index":".ds-logs-flowscore.flow-capture-2026.12.05-000001",\
            "_id":"refused-MAPpx-ZHiCM5UymmYrzjOFJXnYs","status":400,"error":{"type":"document_parsing_exception",\
            "reason":"[1:446] failed to parse field [source.ip] of type [ip] in document with id \
            'refused-MAPpx-ZHiCM5UymmYrzjOFJXnYs'. Preview of field's value: 'not-an-address-192.168.33.10'",\
            "caused_by":{"type":"illegal_argument_exception",\
            "reason":"'not-an-address-192.168.33.10' is not an IP string literal."}}}}""";

    /** The same refusal as Elasticsearch before 8.8 named it. */
    private static final String NOT_AN_IP_BEFORE_8_8 = """
            {"create":{"_index":".ds-logs-flowscore.flow-capture-2026.12.05-000001","_id":"refused-2","status":400,\
            "error":{"type":"mapper_parsing_exception","reason":"failed to parse field [source.ip] of type [ip] in \
            document with id 'refused-2'. Preview of field's value: 'not-an-address-192.168.33.10'",\
            "caused_by":{"type":"illegal_argument_exception",\
            "reason":"'not-an-address-192.168.33.10' is not an IP string literal."}}}}""";

    private static final String NO_SUCH_INDEX = """
            {"create":{"_index":"logs-flowscore.flow-nosuch","_id":"n1","status":404,"error":{\
            "type":"index_not_found_exception","reason":"no such index [logs-flowscore.flow-nosuch] and \
            [require_alias] request flag is [true] and [logs-flowscore.flow-nosuch] is not an alias",\
            "index_uuid":"_na_","index":"logs-flowscore.flow-nosuch"}}}""";

    private static final String SHARD_NOT_ACTIVE = """
            {"create":{"_index":"capture-unallocated","_id":"u1","status":503,"error":{\
            "type":"unavailable_shards_exception","reason":"[capture-unallocated][0] primary shard is not active \
            Timeout: [1s], request: [BulkShardRequest [[capture-unallocated][0]] containing [index \
            {[capture-unallocated][u1], source[{\\"a\\":1}]}]]"}}}""";

    private static final String PRESSURE = """
            {"create":{"_index":".ds-logs-flowscore.flow-capture-2026.12.05-000001","_id":"r1","status":429,\
            "error":{"type":"es_rejected_execution_exception","reason":"rejected execution of primary operation \
            [shard_detail=[.ds-logs-flowscore.flow-capture-2026.12.05-000001][0][flowscore-test], \
            shard_primary_operation_bytes=1830, shard_replica_operation_bytes=0, primary_operation_bytes=107373120, \
            replica_operation_bytes=0, all_bytes=107373120, primary_operation_bytes_limit=107374182]"}}}""";

    private static final String NODE_CLOSED = """
            {"create":{"_index":".ds-logs-flowscore.flow-capture-2026.12.05-000001","_id":"c1","status":500,\
            "error":{"type":"node_closed_exception","reason":"node closed {flowscore-test}{dN6vKQz1R3yW}"}}}""";

    private static final String NO_AUTO_CREATE = """
            {"create":{"_index":"other-index","_id":"s2","status":403,"error":{"type":"security_exception",\
            "reason":"action [indices:admin/auto_create] is unauthorized for user [capture] with effective roles \
            [capture_writer] on indices [other-index], this action is granted by the index privileges \
            [auto_configure,create_index,manage,all]"}}}""";

    private static final String UNAUTHENTICATED = """
            {"create":{"_index":"logs-flowscore.flow-capture","_id":"a1","status":401,"error":{\
            "type":"security_exception",\
            "reason":"unable to authenticate user [capture] for REST request [/_bulk]"}}}""";

    private static final DocumentOutcome.DeadLetter NOT_AN_IP_LETTER = new DocumentOutcome.DeadLetter(400,
            "document_parsing_exception: [1:446] failed to parse field [source.ip] of type [ip] in document with id"
                    + " 'refused-MAPpx-ZHiCM5UymmYrzjOFJXnYs'. Preview of field's value: 'not-an-address-192.168.33.10'"
                    + " (caused by illegal_argument_exception: 'not-an-address-192.168.33.10' is not an IP string"
                    + " literal.)");
    private static final DocumentOutcome.DeadLetter NO_SUCH_INDEX_LETTER = new DocumentOutcome.DeadLetter(404,
            "index_not_found_exception: no such index [logs-flowscore.flow-nosuch] and [require_alias] request"
                    + " flag is [true] and [logs-flowscore.flow-nosuch] is not an alias");
    private static final DocumentOutcome.Fatal NO_AUTO_CREATE_REFUSAL = new DocumentOutcome.Fatal(403,
            "security_exception: action [indices:admin/auto_create] is unauthorized for user [capture] with"
                    + " effective roles [capture_writer] on indices [other-index], this action is granted by the index"
                    + " privileges [auto_configure,create_index,manage,all]");

    @Test
    void aCreatedDocumentIsIndexed() {
        assertEquals(List.of(new DocumentOutcome.Indexed()), DocumentOutcome.of(response(CREATED)));
    }

    @Test
    void anItemWithoutAnErrorIsIndexedWhateverItsSuccessStatus() {
        assertEquals(List.of(new DocumentOutcome.Indexed()), DocumentOutcome.of(response(UPDATED)));
    }

    @Test
    void aConflictMeansTheDocumentIsAlreadyThere() {
        assertEquals(List.of(new DocumentOutcome.AlreadyThere()), DocumentOutcome.of(response(EXISTS)));
    }

    @Test
    void overloadAndServerErrorsAreRetried() {
        assertEquals(List.of(new DocumentOutcome.Retry()), DocumentOutcome.of(response(PRESSURE)));
        assertEquals(List.of(new DocumentOutcome.Retry()), DocumentOutcome.of(response(NODE_CLOSED)));
        assertEquals(List.of(new DocumentOutcome.Retry()), DocumentOutcome.of(response(SHARD_NOT_ACTIVE)));
    }

    @Test
    void aValueTheMappingRefusesIsDeadLetteredWithItsCause() {
        assertEquals(List.of(NOT_AN_IP_LETTER), DocumentOutcome.of(response(NOT_AN_IP)));
        assertEquals(List.of(new DocumentOutcome.DeadLetter(400, "mapper_parsing_exception: failed to parse field"
                        + " [source.ip] of type [ip] in document with id 'refused-2'. Preview of field's value:"
                        + " 'not-an-address-192.168.33.10' (caused by illegal_argument_exception:"
                        + " 'not-an-address-192.168.33.10' is not an IP string literal.)")),
                DocumentOutcome.of(response(NOT_AN_IP_BEFORE_8_8)));
    }

    @Test
    void aMissingTargetIsDeadLettered() {
        assertEquals(List.of(NO_SUCH_INDEX_LETTER), DocumentOutcome.of(response(NO_SUCH_INDEX)));
    }

    @Test
    void refusedPrivilegesOrCredentialsAreFatal() {
        assertEquals(List.of(NO_AUTO_CREATE_REFUSAL), DocumentOutcome.of(response(NO_AUTO_CREATE)));
        assertEquals(List.of(new DocumentOutcome.Fatal(401,
                        "security_exception: unable to authenticate user [capture] for REST request [/_bulk]")),
                DocumentOutcome.of(response(UNAUTHENTICATED)));
    }

    @Test
    void theFatalMessageNamesWhereTheDocumentWentAndThePrivilegesToGrant() {
        assertEquals("Elasticsearch refused writing to other-index (HTTP 403: security_exception: action"
                        + " [indices:admin/auto_create] is unauthorized for user [capture] with effective roles"
                        + " [capture_writer] on indices [other-index], this action is granted by the index privileges"
                        + " [auto_configure,create_index,manage,all]): the user needs the index privileges create_doc"
                        + " and auto_configure on logs-flowscore.*",
                NO_AUTO_CREATE_REFUSAL.message("other-index"));
    }

    @Test
    void aPartialFailureDecidesEachDocumentByItsPosition() {
        assertEquals(List.of(
                        new DocumentOutcome.Indexed(),
                        new DocumentOutcome.AlreadyThere(),
                        NOT_AN_IP_LETTER,
                        new DocumentOutcome.Retry(),
                        new DocumentOutcome.Indexed(),
                        new DocumentOutcome.Retry(),
                        NO_SUCH_INDEX_LETTER,
                        NO_AUTO_CREATE_REFUSAL,
                        new DocumentOutcome.Retry()),
                DocumentOutcome.of(response(CREATED, EXISTS, NOT_AN_IP, PRESSURE, CREATED, SHARD_NOT_ACTIVE,
                        NO_SUCH_INDEX, NO_AUTO_CREATE, NODE_CLOSED)));
    }

    @Test
    void aRerunOfWrittenDocumentsFindsThemAllAlreadyThere() {
        assertEquals(List.of(new DocumentOutcome.AlreadyThere(), new DocumentOutcome.AlreadyThere(),
                new DocumentOutcome.AlreadyThere()), DocumentOutcome.of(response(EXISTS, EXISTS, EXISTS)));
    }

    @Test
    void aNodeSheddingLoadHasEveryDocumentRetried() {
        assertEquals(List.of(new DocumentOutcome.Retry(), new DocumentOutcome.Retry(), new DocumentOutcome.Retry()),
                DocumentOutcome.of(response(PRESSURE, PRESSURE, PRESSURE)));
    }

    /** A {@code _bulk} answer with these items, parsed as the client parses one. */
    private static BulkResponse response(String... items) {
        boolean errors = Arrays.stream(items).anyMatch(item -> item.contains("\"error\":"));
        String body = "{\"errors\":" + errors + ",\"took\":3,\"items\":[" + String.join(",", items) + "]}";
        try (JsonParser parser = MAPPER.jsonProvider().createParser(new StringReader(body))) {
            return BulkResponse._DESERIALIZER.deserialize(parser, MAPPER);
        }
    }
}
