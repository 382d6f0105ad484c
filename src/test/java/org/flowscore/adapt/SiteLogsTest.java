package org.flowscore.adapt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flowscore.flow.Connection;
import org.flowscore.flow.GroundTruth;
import org.flowscore.labels.Allowlist;
import org.flowscore.labels.LabelCounts;
import org.flowscore.labels.LabelException;
import org.flowscore.labels.LabelPolicy;
import org.flowscore.read.ReadOptions;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A site's logs as read: notice logs found beside the connections, label files named, the window, hashes. */
class SiteLogsTest {
    @TempDir
    Path tmp;

    private static SiteLogs read(List<String> data, List<String> labels, TimeWindow window) throws Exception {
        return SiteLogs.read(data, labels, window, ReadOptions.defaults());
    }

    /** slips-test10's folder: its notice.log is read without being named; its 13 scan notices name no connection. */
    @Test
    void aFoldersNoticeLogIsReadBesideItsConnections() throws Exception {
        SiteLogs logs = read(List.of(SharedData.require("zeek/slips-test10-tsv").toString()), List.of(),
                TimeWindow.ALL);
        assertEquals(141, logs.connections());
        assertEquals(1, logs.reading().noticeFiles());
        assertEquals(13, logs.reading().noticesWithoutUid());
        assertEquals(List.of(SharedData.require("zeek/slips-test10-tsv/notice.log").toString()), logs.labelFiles());
    }

    /** A notice naming one of slips-test10's connections (its first uid) makes that connection an attack. */
    @Test
    void aNoticeWithAUidLabelsItsConnection() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("site"));
        Files.copy(SharedData.require("zeek/slips-test10-tsv/conn.log"), dir.resolve("conn.log"));
        Files.writeString(dir.resolve("notice.log"), String.join("\n", "#separator \\x09", "#path\tnotice",
                "#fields\tts\tuid\tnote", "1601998366.8\tCNgrt04tHika5Pgpfi\tDNS::Odd_Answer", ""));
        SiteLogs logs = read(List.of(dir.toString()), List.of(), TimeWindow.ALL);
        SiteLogs.Labelled labelled = logs.label(Allowlist.empty(), LabelPolicy.defaults(), ReadOptions.defaults(),
                false);
        List<Connection> connections = labelled.streams().getFirst().connections();
        assertEquals(new GroundTruth("Malicious", "Zeek notice DNS::Odd_Answer"), connections.stream()
                .filter(c -> c.recordId().equals("CNgrt04tHika5Pgpfi")).findFirst().orElseThrow().truth());
        assertEquals(1, labelled.labeller().counts().marked(LabelCounts.Source.NOTICE));
        assertEquals(140, labelled.labeller().counts().outcome(LabelCounts.Outcome.BENIGN));
    }

    @Test
    void theWindowTheHashesAndLabelFilesNamedOrNot() throws Exception {
        String eve = SharedData.require("suricata/slips-test6/eve.json").toString();
        SiteLogs first = read(List.of(eve), List.of(), TimeWindow.parse(null, "2021-06-07T04:00:00+02:00"));
        SiteLogs second = read(List.of(eve), List.of(eve), TimeWindow.parse("2021-06-07T04:00:00+02:00", null));
        assertEquals(3512, first.connections() + second.connections(), "each flow in exactly one half");
        assertEquals(first.connections(), second.reading().outsideWindow());
        assertEquals(first.sha256(), second.sha256(), "the same file");
        assertEquals(first.labelsSha256(), second.labelsSha256(), "an EVE file among the logs is hashed once");
        assertEquals(745, second.alerts().size(), "naming it again reads its alerts once");
        Path notLabels = tmp.resolve("dns.log");
        Files.copy(SharedData.require("zeek/slips-test10-tsv/dns.log"), notLabels);
        LabelException e = assertThrows(LabelException.class, () -> read(List.of(eve), List.of(notLabels.toString()),
                TimeWindow.ALL));
        assertEquals(notLabels + ": neither Suricata EVE (alerts) nor a Zeek notice log", e.getMessage());
        SiteLogs withNotices = read(List.of(eve), List.of(SharedData.require("zeek/slips-test10-tsv/notice.log")
                .toString()), TimeWindow.ALL);
        assertNotEquals(first.labelsSha256(), withNotices.labelsSha256());
        assertEquals(13, withNotices.reading().noticesWithoutUid());
    }
}
