package org.flowscore.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flowscore.flow.CommunityId;
import org.flowscore.flow.Connection;
import org.flowscore.flow.LocalNetworks;
import org.flowscore.flow.Traffic;
import org.flowscore.read.ReadOptions;
import org.flowscore.source.SourceLine;
import org.flowscore.testing.Reading;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;

/** The Zeek JSON forms other sensors write: scope separators, timestamp formats, Kafka envelopes. */
class ZeekJsonVariantsTest {

    /** The first record of otrf-apt29/day1/NASHUA_conn.log, verbatim. */
    private static final String APT29_FIRST = """
            {"@stream":"conn","@system":"bobs.bigwheel.local","@proc":"zeek","ts":1588205199.82437,\
            "uid":"Cvf4XX17hSAgXDdGEd","id_orig_h":"10.0.1.6","id_orig_p":54243,"id_resp_h":"10.0.0.4",\
            "id_resp_p":53,"proto":"udp","service":"dns","duration":0.001528024673461914,"orig_bytes":39,\
            "resp_bytes":55,"conn_state":"SF","missed_bytes":0,"history":"Dd","orig_pkts":1,"orig_ip_bytes":67,\
            "resp_pkts":1,"resp_ip_bytes":83,"orig_l2_addr":"00:0d:3a:13:e3:69","resp_l2_addr":"12:34:56:78:9a:bc"}""";

    @Test
    void everyOtrfApt29RecordIsReadWithTheUnderscoreSeparator() throws Exception {
        Path root = SharedData.require("labelled/otrf-apt29");
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.getFileName().toString().endsWith("_conn.log")).sorted().toList();
        }
        assertEquals(8, files.size());
        Reading.Result result = Reading.read(files.toArray(Path[]::new));
        assertEquals(0, result.stats().skippedTotal(), result.stats()::summary);
        // 479 + 134 + 314 + 53 + 353 + 31 + 357 + 64 records, as the data README counts them.
        assertEquals(1_785, result.connections().size());
        assertTrue(result.connections().stream().allMatch(c -> c.key().sourcePort() > 0 || c.transport().isIcmp()));
    }

    @Test
    void underscoreRecordFieldByField() {
        Connection c = parsed(new ZeekJsonReader(ReaderContext.defaults()), APT29_FIRST);
        assertEquals(1_588_205_199_824_370L, c.startMicros());
        assertEquals("Cvf4XX17hSAgXDdGEd", c.recordId());
        assertEquals("10.0.1.6", c.key().sourceIp());
        assertEquals(54243, c.key().sourcePort());
        assertEquals("10.0.0.4", c.key().destinationIp());
        assertEquals(53, c.key().destinationPort());
        assertEquals(1528, c.durationMicros());
        assertEquals(new Traffic(39, 1, 67), c.orig());
        assertEquals(new Traffic(55, 1, 83), c.resp());
        assertEquals("dns", c.service());
    }

    @Test
    void theFirstRecordDecidesTheSeparatorForTheRestOfTheInput() {
        ZeekJsonReader reader = new ZeekJsonReader(ReaderContext.defaults());
        parsed(reader, APT29_FIRST);
        String dotted = APT29_FIRST.replace("id_", "id.");
        assertSkipped(reader.read(line(dotted)), SkipReason.MISSING_FIELD, "no id_orig_h");
        // Another input learns its own.
        parsed(new ZeekJsonReader(ReaderContext.defaults()), dotted);
    }

    @Test
    void aConfiguredSeparatorIsNeverGuessed() {
        ReaderContext underscore = new ReaderContext("s", new CommunityId(0), LocalNetworks.defaults(), "_");
        ZeekJsonReader reader = new ZeekJsonReader(underscore);
        assertSkipped(reader.read(line(APT29_FIRST.replace("id_", "id."))), SkipReason.MISSING_FIELD, "no id_orig_h");
        parsed(reader, APT29_FIRST);
        ReaderContext colons = new ReaderContext("s", new CommunityId(0), LocalNetworks.defaults(), "::");
        Connection c = parsed(new ZeekJsonReader(colons), APT29_FIRST.replace("id_", "id::"));
        assertEquals(54243, c.key().sourcePort());
    }

    @Test
    void millisecondAndIsoTimestamps() {
        String millis = APT29_FIRST.replace("\"ts\":1588205199.82437", "\"ts\":1588205199824");
        assertEquals(1_588_205_199_824_000L, parsed(new ZeekJsonReader(ReaderContext.defaults()), millis).startMicros());
        String iso = APT29_FIRST.replace("\"ts\":1588205199.82437", "\"ts\":\"2020-04-30T00:06:39.824370Z\"");
        assertEquals(1_588_205_199_824_370L, parsed(new ZeekJsonReader(ReaderContext.defaults()), iso).startMicros());
        // Ten digits without a fraction are still seconds.
        String whole = APT29_FIRST.replace("\"ts\":1588205199.82437", "\"ts\":1588205199");
        assertEquals(1_588_205_199_000_000L, parsed(new ZeekJsonReader(ReaderContext.defaults()), whole).startMicros());
        String huge = APT29_FIRST.replace("\"ts\":1588205199.82437", "\"ts\":99999999999999999999");
        assertSkipped(new ZeekJsonReader(ReaderContext.defaults()).read(line(huge)), SkipReason.BAD_TIMESTAMP, "ts");
    }

    @Test
    void zeekKafkaTagJsonEnvelope() {
        ZeekJsonReader reader = new ZeekJsonReader(ReaderContext.defaults());
        Connection c = parsed(reader, "{\"conn\":" + APT29_FIRST + "}");
        assertEquals("Cvf4XX17hSAgXDdGEd", c.recordId());
        assertEquals(new Traffic(39, 1, 67), c.orig());
        String dns = "{\"dns\":{\"ts\":1588205199.8,\"uid\":\"C1\",\"id_orig_h\":\"10.0.1.6\",\"id_orig_p\":1,"
                + "\"id_resp_h\":\"10.0.0.4\",\"id_resp_p\":53,\"proto\":\"udp\",\"query\":\"example.com\"}}";
        assertSkipped(reader.read(line(dns)), SkipReason.NOT_CONN_LOG, "");
    }

    @Test
    void tunnelParentsFromJsonAndTsv() throws Exception {
        ZeekJsonReader json = new ZeekJsonReader(ReaderContext.defaults());
        Connection inner = parsed(json, APT29_FIRST.replace("\"proto\"", "\"tunnel_parents\":[\"CxT1\",\"CxT2\"],\"proto\""));
        assertEquals(List.of("CxT1", "CxT2"), inner.tunnelParents());
        assertEquals(List.of(), parsed(json, APT29_FIRST.replace("\"proto\"", "\"tunnel_parents\":[],\"proto\""))
                .tunnelParents());

        // Zeek's own TSV: a set joined by #set_separator, "(empty)" or "-" when there is none.
        String header = "#separator \\x09\n#set_separator\t|\n#empty_field\t(empty)\n#unset_field\t-\n#path\tconn\n"
                + "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tconn_state\ttunnel_parents\n";
        ZeekTsvReader tsv = new ZeekTsvReader(ReaderContext.defaults());
        for (String h : header.split("\n")) {
            tsv.read(line(h));
        }
        Connection viaTsv = parsedOutcome(tsv.read(line("1.5\tC1\t10.0.0.1\t1\t10.0.0.2\t2\ttcp\tS0\tCa|Cb")));
        assertEquals(List.of("Ca", "Cb"), viaTsv.tunnelParents());
        assertEquals(List.of(), parsedOutcome(tsv.read(line("1.5\tC1\t10.0.0.1\t1\t10.0.0.2\t2\ttcp\tS0\t(empty)")))
                .tunnelParents());
    }

    @Test
    void aKafkaTopicOfTsMillisUnderscoreRecordsReadsThroughThePipeline(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("conn.json");
        Files.writeString(file, "{\"conn\":" + APT29_FIRST.replace("1588205199.82437", "1588205199824") + "}\n"
                + "{\"conn\":" + APT29_FIRST.replace("1588205199.82437", "1588205200000") + "}\n");
        Reading.Result result = Reading.read(ReadOptions.defaults(), file);
        assertEquals(2, result.connections().size(), result.stats()::summary);
    }

    private static Connection parsed(ZeekJsonReader reader, String json) {
        return parsedOutcome(reader.read(line(json)));
    }

    private static Connection parsedOutcome(LineOutcome outcome) {
        return assertInstanceOf(LineOutcome.Parsed.class, outcome, outcome::toString).connection();
    }

    private static void assertSkipped(LineOutcome outcome, SkipReason reason, String detailPart) {
        LineOutcome.Skipped skipped = assertInstanceOf(LineOutcome.Skipped.class, outcome, outcome::toString);
        assertEquals(reason, skipped.reason(), skipped::toString);
        assertTrue(skipped.detail().contains(detailPart), skipped::toString);
    }

    private static SourceLine line(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new SourceLine(1, 0, bytes.length + 1, bytes, false);
    }
}
