package org.flowscore.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowscore.source.InputFile;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Zeek notice logs: only entries with a connection uid label anything. */
class NoticeReaderTest {
    @TempDir
    Path tmp;

    @Test
    void slipsTest10sAddressScanNoticesNameNoConnection() throws Exception {
        List<ZeekNotice> notices = new ArrayList<>();
        NoticeReader.Read r = NoticeReader.read(new InputFile(SharedData.require("zeek/slips-test10-tsv/notice.log")),
                notices::add);
        assertEquals(0, notices.size());
        assertEquals(13, r.withoutUid(), "13 Scan::Address_Scan notices, uid '-'");
        assertEquals(0, r.unreadable());
    }

    @Test
    void tsvAndJsonNoticesWithAUid() throws Exception {
        Path tsv = tmp.resolve("notice.log");
        Files.writeString(tsv, String.join("\n",
                "#separator \\x09",
                "#unset_field\t-",
                "#path\tnotice",
                "#fields\tts\tuid\tid.orig_h\tnote\tmsg",
                "1601998373.48\tCNgrt04tHika5Pgpfi\t10.0.0.1\tSSH::Password_Guessing\tguessed",
                "1601998374.48\t-\t10.0.0.1\tScan::Port_Scan\tscanned",
                ""));
        Path json = tmp.resolve("notice.json");
        Files.writeString(json, "{\"ts\":1601998373.48,\"uid\":\"CYwXsR3yfDq6hooIU2\",\"note\":\"Weird::Activity\"}\n"
                + "{\"ts\":1601998373.49,\"note\":\"Scan::Address_Scan\"}\n"
                + "{not json\n");
        List<ZeekNotice> notices = new ArrayList<>();
        NoticeReader.Read t = NoticeReader.read(new InputFile(tsv), notices::add);
        NoticeReader.Read j = NoticeReader.read(new InputFile(json), notices::add);
        assertEquals(List.of(new ZeekNotice("CNgrt04tHika5Pgpfi", "SSH::Password_Guessing"),
                new ZeekNotice("CYwXsR3yfDq6hooIU2", "Weird::Activity")), notices);
        assertEquals(1, t.withoutUid());
        assertEquals(1, j.withoutUid());
        assertEquals(1, j.unreadable());
        assertTrue(j.firstProblem().startsWith("line 3"), j.firstProblem());
        assertEquals("Zeek notice SSH::Password_Guessing", notices.getFirst().detail());
    }
}
