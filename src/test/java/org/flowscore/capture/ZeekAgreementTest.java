package org.flowscore.capture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flowscore.flow.Connection;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * flowscore's connections against the conn.log Zeek's own test suite expects for the same pcap, matched by
 * 5-tuple (in order, for a 5-tuple used more than once).
 */
class ZeekAgreementTest {

    @Test
    void connectionsAgreeWithZeekConnLog() throws Exception {
        Path root = SharedData.require("pcap/zeek-btest");
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.sorted().toList();
        }
        int total = 0;
        int allEqual = 0;
        for (Path dir : dirs) {
            Path pcap;
            try (Stream<Path> s = Files.list(dir)) {
                pcap = s.filter(p -> p.toString().endsWith(".pcap")).findFirst().orElseThrow();
            }
            var zeek = ZeekConnLog.read(dir.resolve("conn.log")).rows();
            var ours = Captured.connections(pcap);
            Map<String, ArrayDeque<Connection>> byTuple = new HashMap<>();
            for (Connection c : ours) {
                byTuple.computeIfAbsent(tuple(c.key().transport().name().toLowerCase().replace("icmpv6", "icmp").replaceAll("^(other|sctp)$", "unknown_transport"),
                        c.key().sourceIp(), c.key().sourcePort(), c.key().destinationIp(), c.key().destinationPort()),
                        k -> new ArrayDeque<>()).add(c);
            }
            int matched = 0;
            int state = 0;
            int pkts = 0;
            int bytes = 0;
            int equal = 0;
            List<String> differences = new ArrayList<>();
            for (var z : zeek) {
                var queue = byTuple.get(tuple(z.proto(), z.origH(), z.origP(), z.respH(), z.respP()));
                Connection c = queue == null ? null : queue.poll();
                if (c == null) {
                    differences.add("missing " + z);
                    continue;
                }
                matched++;
                boolean s = z.connState().equals(c.connState());
                boolean p = z.origPkts() == c.orig().packets() && z.respPkts() == c.resp().packets();
                boolean b = z.origBytes() == c.orig().payloadBytes() && z.respBytes() == c.resp().payloadBytes();
                state += s ? 1 : 0;
                pkts += p ? 1 : 0;
                bytes += b ? 1 : 0;
                if (s && p && b) {
                    equal++;
                } else {
                    differences.add("differs: zeek " + z + "\n          ours " + c.connState() + " " + c.history()
                            + " pkts " + c.orig().packets() + "/" + c.resp().packets() + " bytes "
                            + c.orig().payloadBytes() + "/" + c.resp().payloadBytes() + " ip "
                            + c.orig().ipBytes() + "/" + c.resp().ipBytes());
                }
            }
            byTuple.values().forEach(q -> q.forEach(c -> differences.add("extra " + c.key() + " " + c.connState())));
            System.out.printf("%-18s zeek %3d ours %3d matched %3d conn_state %3d packets %3d bytes %3d all %3d%n",
                    dir.getFileName(), zeek.size(), ours.size(), matched, state, pkts, bytes, equal);
            differences.forEach(d -> System.out.println("    " + d));
            total += zeek.size();
            allEqual += equal;
        }
        System.out.printf("all pcaps: %d of %d Zeek connections equal on conn_state, packets and bytes (%.1f%%)%n",
                allEqual, total, 100.0 * allEqual / total);
        // Short of all by one DNS exchange that Zeek splits in two (docs/capture.md).
        assertTrue(allEqual >= 0.95 * total, allEqual + " of " + total);
    }

    private static String tuple(String proto, String origH, int origP, String respH, int respP) throws Exception {
        return proto + " " + InetAddress.getByName(origH).getHostAddress() + " " + origP + " "
                + InetAddress.getByName(respH).getHostAddress() + " " + respP;
    }
}
