package org.flowscore.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.flowscore.flow.CommunityId;
import org.flowscore.flow.Connection;
import org.flowscore.flow.LocalNetworks;
import org.flowscore.flow.SourceFormat;
import org.flowscore.flow.Transport;
import org.flowscore.source.SourceLine;
import org.flowscore.testing.Reading;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZeekTsvReaderTest {

    @ParameterizedTest(name = "{0}: {1} connections")
    @CsvSource({
        "zeek/zat-2013-tsv/conn.log, 360",
        "zeek/rita-open-conns-tsv/conn.log, 29",
        "zeek/rita-open-conns-tsv/open_conn.log, 59",
        "zeek/slips-test10-tsv/conn.log, 141",
        "zeek/iot23-honeypot-4-1/conn.log.labeled, 452",
    })
    void readsEveryRecordOfRealTsvLogs(String file, int expected) {
        Reading.Result r = Reading.read(SharedData.require(file));
        assertEquals(expected, r.connections().size());
        assertEquals(0, r.stats().skippedTotal(), r.stats().summary());
        assertTrue(r.connections().stream().allMatch(c -> c.format() == SourceFormat.ZEEK_TSV));
    }

    @ParameterizedTest(name = "rita-missing-host {0}: {1} connections in 24 hourly gzip files")
    @CsvSource({"2024-04-19, 31367", "2024-04-20, 39073"})
    void readsEveryRotatedGzippedHour(String day, int expected) throws IOException {
        Path[] hours;
        try (Stream<Path> files = Files.list(SharedData.require("zeek/rita-missing-host/" + day))) {
            hours = files.filter(p -> p.getFileName().toString().startsWith("conn.")).sorted().toArray(Path[]::new);
        }
        assertEquals(24, hours.length);
        Reading.Result r = Reading.read(hours);
        assertEquals(expected, r.connections().size());
        assertEquals(0, r.stats().skippedTotal(), r.stats().summary());
    }

    @Test
    void concatenatedGzipMembersWithRepeatedHeadersReadAsOneStream(@TempDir Path tmp) throws IOException {
        Path day = SharedData.require("zeek/rita-missing-host/2024-04-19");
        Path joined = tmp.resolve("day-without-gz-suffix");
        try (Stream<Path> files = Files.list(day); var out = Files.newOutputStream(joined)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("conn.")).sorted().toList()) {
                out.write(Files.readAllBytes(p));
            }
        }
        Reading.Result r = Reading.read(joined);
        assertEquals(31367, r.connections().size());
        assertEquals(0, r.stats().skippedTotal());
    }

    @Test
    void mapsEveryFieldOfARealRecordWithALeadingNodeNameColumn() {
        Connection c = Reading.read(SharedData.require(
                "zeek/rita-missing-host/2024-04-19/conn.00:00:00-01:00:00.log.gz")).connections().getFirst();
        // worker-eth0-1 1713484795.943239 CYl7H53iN6mY9NyXJ8 167.94.138.145 25320 64.225.56.201 6008 tcp -
        // 0.000064 0 0 REJ F T 0 Sr 1 60 1 40 -
        assertEquals(1713484795_943239L, c.startMicros());
        assertEquals(64, c.durationMicros());
        assertEquals("CYl7H53iN6mY9NyXJ8", c.recordId());
        assertEquals("167.94.138.145", c.key().sourceIp());
        assertEquals(25320, c.key().sourcePort());
        assertEquals("64.225.56.201", c.key().destinationIp());
        assertEquals(6008, c.key().destinationPort());
        assertEquals(Transport.TCP, c.transport());
        assertNull(c.service());
        assertEquals("REJ", c.connState());
        assertEquals("Sr", c.history());
        assertEquals(Boolean.FALSE, c.localOrig());
        assertEquals(Boolean.TRUE, c.localResp());
        assertEquals(0, c.missedBytes());
        assertEquals(0, c.orig().payloadBytes());
        assertEquals(1, c.orig().packets());
        assertEquals(60, c.orig().ipBytes());
        assertEquals(0, c.resp().payloadBytes());
        assertEquals(1, c.resp().packets());
        assertEquals(40, c.resp().ipBytes());
        assertEquals(new CommunityId(0).hash(6, "167.94.138.145", "64.225.56.201", 25320, 6008), c.communityId());
        assertNull(c.truth());
        assertFalse(c.payloadEstimated());
    }

    @Test
    void iot23LabelColumnsJoinedByThreeSpacesBecomeGroundTruth() {
        List<Connection> all = Reading.read(SharedData.require("zeek/iot23-honeypot-4-1/conn.log.labeled"))
                .connections();
        assertTrue(all.stream().allMatch(c -> c.truth() != null && c.truth().label().equals("benign")
                && c.truth().detail() == null && !c.truth().isAttack()));
        // CRLF endings must not leak into the last column.
        assertTrue(all.stream().noneMatch(c -> c.truth().label().endsWith("\r")));
    }

    @Test
    void oldBroSchemaWithoutLocalRespDecidesItFromTheLocalNetworks() {
        List<Connection> all = Reading.read(SharedData.require("zeek/zat-2013-tsv/conn.log")).connections();
        assertTrue(all.stream().allMatch(c -> c.localResp() == LocalNetworks.defaults().contains(
                c.key().destinationIp())));
        assertTrue(all.stream().anyMatch(c -> c.localResp()) && all.stream().anyMatch(c -> !c.localResp()));
    }

    @Test
    void tsvAndJsonOfTheSameConnectionsGiveEqualRecords() {
        Reading.Result tsvRead = Reading.read(SharedData.require("zeek/rita-open-conns-tsv/conn.log"));
        Reading.Result jsonRead = Reading.read(SharedData.require("zeek/rita-json/conn.log"));
        assertEquals(tsvRead.connections().size(), jsonRead.connections().size());
        Map<String, Connection> tsv = byUid(tsvRead);
        Map<String, Connection> json = byUid(jsonRead);
        assertEquals(tsv.keySet(), json.keySet());
        for (String uid : tsv.keySet()) {
            Connection t = tsv.get(uid);
            Connection j = json.get(uid);
            assertEquals(new Connection(t.startMicros(), t.durationMicros(), t.recordId(), t.key(), t.service(),
                    t.orig(), t.resp(), t.missedBytes(), t.connState(), t.history(), t.localOrig(), t.localResp(),
                    t.urgentPackets(), t.payloadEstimated(), t.communityId(), SourceFormat.ZEEK_JSON, t.sensor(),
                    t.truth()), j, uid);
        }
    }

    private static Map<String, Connection> byUid(Reading.Result r) {
        return r.connections().stream().collect(Collectors.toMap(Connection::recordId, Function.identity(), (a, b) -> a));
    }

    @Test
    void newestSchemaWithIpProtoAndBtestCommentLineIsRead() {
        ZeekTsvReader reader = new ZeekTsvReader(ReaderContext.defaults());
        String[] lines = {
            "### BTest baseline data generated by btest-diff. Do not edit.",
            "#separator \\x09",
            "#path\tconn",
            "#fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes"
                    + "\tresp_bytes\tconn_state\tlocal_orig\tlocal_resp\tmissed_bytes\thistory\torig_pkts"
                    + "\torig_ip_bytes\tresp_pkts\tresp_ip_bytes\ttunnel_parents\tip_proto",
            "1300475167.096535\tCHhAvVGS1DHFjwGM9\t141.142.220.202\t5353\t224.0.0.251\t5353\tudp\tdns\t-\t-\t-"
                    + "\tS0\tF\tT\t0\tD\t1\t73\t0\t0\t-\t17",
        };
        LineOutcome last = null;
        for (int i = 0; i < lines.length; i++) {
            last = reader.read(line(i + 1, lines[i]));
            if (i < lines.length - 1) {
                assertInstanceOf(LineOutcome.NotAConnection.class, last);
            }
        }
        Connection c = assertInstanceOf(LineOutcome.Parsed.class, last).connection();
        assertEquals(Transport.UDP, c.transport());
        assertEquals("dns", c.service());
        assertEquals(0, c.durationMicros());
        assertEquals(73, c.orig().ipBytes());
    }

    @Test
    void aNewHeaderBlockMidStreamSwitchesTheSchema() {
        ZeekTsvReader reader = new ZeekTsvReader(ReaderContext.defaults());
        reader.read(line(1, "#separator \\x09"));
        reader.read(line(2, "#fields\tts\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tconn_state"));
        Connection first = assertInstanceOf(LineOutcome.Parsed.class,
                reader.read(line(3, "10.5\t10.0.0.1\t1\t10.0.0.2\t80\ttcp\tSF"))).connection();
        assertEquals("SF", first.connState());
        reader.read(line(4, "#separator \\x2c"));
        reader.read(line(5, "#unset_field,NONE"));
        reader.read(line(6, "#fields,_node_name,ts,id.orig_h,id.orig_p,id.resp_h,id.resp_p,proto,conn_state,service"));
        Connection second = assertInstanceOf(LineOutcome.Parsed.class,
                reader.read(line(7, "w1,20.25,10.0.0.3,2,10.0.0.4,443,tcp,S0,NONE"))).connection();
        assertEquals(20_250_000L, second.startMicros());
        assertEquals("S0", second.connState());
        assertNull(second.service());
        assertEquals("10.0.0.4", second.key().destinationIp());
    }

    @Test
    void aNonConnLogIsSkippedAsSuch() {
        Reading.Result r = Reading.read(SharedData.require("zeek/zat-2013-tsv/dns.log"));
        assertEquals(0, r.connections().size());
        assertEquals(54, r.stats().skipped(SkipReason.NOT_CONN_LOG));
    }

    @Test
    void canonifiedBtestTimestampsAreBadTimestampsNotConnections() {
        Reading.Result r = Reading.read(SharedData.require("pcap/zeek-btest/wikipedia/conn.log"));
        assertEquals(0, r.connections().size());
        assertEquals(34, r.stats().skipped(SkipReason.BAD_TIMESTAMP));
    }

    @Test
    void unescapesTheSeparatorDirective() {
        assertEquals("\t", ZeekTsvReader.unescape("\\x09"));
        assertEquals(",", ZeekTsvReader.unescape("\\x2c"));
        assertEquals("|", ZeekTsvReader.unescape("|"));
        assertEquals("\\xZZ", ZeekTsvReader.unescape("\\xZZ"));
    }

    static SourceLine line(long number, String text) {
        return new SourceLine(number, 0, 0, text.getBytes(StandardCharsets.UTF_8), false);
    }
}
