package org.flowscore.capture;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowscore.capture.flowtable.ConnectionRecords;
import org.flowscore.capture.flowtable.FlowTable;
import org.flowscore.capture.flowtable.FlowTimeouts;
import org.flowscore.flow.CommunityId;
import org.flowscore.flow.Connection;

/** The connections flowscore assembles from a pcap, with Zeek's default timeouts unless told otherwise. */
final class Captured {
    private Captured() {
    }

    static List<Connection> connections(Path pcap) throws CaptureException {
        return connections(pcap, FlowTimeouts.ZEEK);
    }

    static List<Connection> connections(Path pcap, FlowTimeouts timeouts) throws CaptureException {
        List<Connection> out = new ArrayList<>();
        FlowTable table = new FlowTable(timeouts, new ConnectionRecords("test", new CommunityId(0)), out::add);
        PacketCapture capture = new PacketCapture(table);
        capture.readFile(pcap, null, () -> false);
        capture.finish();
        return out;
    }
}
