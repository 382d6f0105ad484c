package org.flowscore.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.flowscore.testing.FlowscoreProcess;
import org.flowscore.testing.InChildProcesses;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine without libpcap, made by pointing pcap4j at a library that does not exist: {@code capture}
 * says so and how to install it; the other commands do not notice.
 */
@InChildProcesses
class WithoutLibpcapTest {
    private static final List<String> NO_LIBPCAP = List.of("-Dorg.pcap4j.core.pcapLibName=/nonexistent/libpcap.so.0.8");

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void captureNamesTheMissingLibraryAndScoreStillWorks() throws Exception {
        String pcap = SharedData.require("pcap/zeek-btest/ssh/ssh.pcap").toString();
        FlowscoreProcess capture = FlowscoreProcess.start(dir.resolve("capture.log"), NO_LIBPCAP,
                List.of("capture", "--pcap", pcap, "-o", dir.resolve("c.ndjson").toString()));
        assertEquals(1, capture.awaitExit(60), capture.log());
        assertTrue(capture.log().contains("libpcap is not installed or could not be loaded"), capture.log());
        assertTrue(capture.log().contains("apt-get install libpcap0.8"), capture.log());
        assertTrue(capture.log().contains("Every other flowscore command works without it."), capture.log());

        FlowscoreProcess score = FlowscoreProcess.start(dir.resolve("score.log"), NO_LIBPCAP,
                List.of("score", "sample-logs/zeek-tsv/conn.log", "-o", dir.resolve("s.ndjson").toString()));
        assertEquals(0, score.awaitExit(60), score.log());
    }
}
