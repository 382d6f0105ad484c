package org.flowscore.capture;

import static org.flowscore.capture.EncapsulatedTraffic.A;
import static org.flowscore.capture.EncapsulatedTraffic.A6;
import static org.flowscore.capture.EncapsulatedTraffic.B;
import static org.flowscore.capture.EncapsulatedTraffic.B6;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowscore.capture.EncapsulatedTraffic.Encapsulation;
import org.flowscore.flow.CommunityId;
import org.flowscore.flow.Connection;
import org.flowscore.flow.FlowKey;
import org.flowscore.flow.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conversation of {@link EncapsulatedTraffic} through every encapsulation, against the conn.log Zeek writes
 * for it, worked out by hand below: the same 5-tuples, conn_state, packets, payload bytes and tunnel parents.
 *
 * <p>The inner conversation, IPv4 (IPv6) sizes: the TCP connection's client sends 5 packets (SYN, ACK, 100 bytes,
 * FIN, ACK) of 40, 40, 140, 40, 40 (60, 60, 160, 60, 60) IP bytes, the server 3 (SYN-ACK, 300 bytes, FIN) of 40,
 * 340, 40 (60, 360, 60): SF, 5 packets and 100 bytes one way, 3 and 300 back. DNS: 58 (78) IP bytes, 30 of them
 * payload, and 88 (108) with 60: SF. ICMP echo 8/0 (ICMPv6 128/129) with 56 data bytes each way: 84 (104) IP
 * bytes, OTH. So the client's side sends 7 packets of 300 + 58 + 84 = 442 IP bytes (400 + 78 + 104 = 582), the
 * server's 5 packets of 420 + 88 + 84 = 592 (480 + 108 + 104 = 692).
 */
class EncapsulationAgreementTest {

    /** A conn.log row by Zeek's rules; parents name the carrying connection's 5-tuple or an IP tunnel. */
    record Row(String proto, String origH, int origP, String respH, int respP, String connState, long origPkts,
               long origBytes, long respPkts, long respBytes, Set<String> parents) {
    }

    @TempDir
    Path dir;

    @Test
    void everyEncapsulationAgreesWithZeek() throws Exception {
        int total = 0;
        int equal = 0;
        List<String> differences = new ArrayList<>();
        for (Encapsulation e : Encapsulation.values()) {
            Path pcap = dir.resolve(e.name().toLowerCase() + ".pcap");
            e.pcap().write(pcap);
            List<Connection> ours = Captured.connections(pcap);
            List<Row> zeek = zeek(e);
            Map<String, String> tupleById = new HashMap<>();
            for (Connection c : ours) {
                tupleById.put(c.recordId(), tuple(c));
            }
            int agreeing = 0;
            Map<String, Connection> byTuple = new HashMap<>();
            ours.forEach(c -> byTuple.put(tuple(c), c));
            for (Row z : zeek) {
                Connection c = byTuple.remove(z.proto() + " " + z.origH() + " " + z.origP() + " " + z.respH() + " "
                        + z.respP());
                if (c == null) {
                    differences.add(e + ": missing " + z);
                    continue;
                }
                Set<String> parents = new HashSet<>();
                for (String id : c.tunnelParents()) {
                    parents.add(tupleById.getOrDefault(id, id));
                }
                boolean same = z.connState().equals(c.connState()) && z.origPkts() == c.orig().packets()
                        && z.respPkts() == c.resp().packets() && z.origBytes() == c.orig().payloadBytes()
                        && z.respBytes() == c.resp().payloadBytes() && z.parents().equals(parents);
                agreeing += same ? 1 : 0;
                if (!same) {
                    differences.add(e + ": differs: zeek " + z + "\n      ours " + c.connState() + " "
                            + c.orig() + " " + c.resp() + " parents " + parents);
                }
            }
            byTuple.keySet().forEach(t -> differences.add(e + ": extra " + t));
            System.out.printf("%-16s zeek %d ours %d equal %d%n", e, zeek.size(), ours.size(), agreeing);
            total += zeek.size() + byTuple.size();
            equal += agreeing;
        }
        differences.forEach(d -> System.out.println("    " + d));
        System.out.printf("encapsulations: %d of %d Zeek connections equal on conn_state, packets, bytes and tunnel"
                + " parents%n", equal, total);
        assertEquals(List.of(), differences);
    }

    /** What Zeek writes for the conversation in {@code e}. */
    private static List<Row> zeek(Encapsulation e) {
        return switch (e) {
            case VLAN, QINQ, MPLS, VLAN_MPLS, MPLS_PSEUDOWIRE, PPPOE -> inner(false, Set.of());
            case GRE, GRE_KEY_SEQ, GRE_ETHERNET, ERSPAN_1, ERSPAN_2, ERSPAN_3 -> inner(false, Set.of(ipTunnel(A, B, 47)));
            case IP_IN_IP -> inner(false, Set.of(ipTunnel(A, B, 4)));
            case SIX_IN_FOUR -> inner(true, Set.of(ipTunnel(A, B, 41)));
            case FOUR_IN_SIX -> inner(false, Set.of(ipTunnel(A6, B6, 4)));
            // Each direction its own one-way connection (S0); per packet an 8-byte VXLAN header and the inner
            // packet's 14-byte Ethernet header: 7 * 22 + 442 = 596 and 5 * 22 + 592 = 702 payload bytes.
            case VXLAN -> withOuter(inner(false, Set.of("udp " + A + " 49152 " + B + " 4789",
                            "udp " + B + " 49152 " + A + " 4789")),
                    new Row("udp", A, 49152, B, 4789, "S0", 7, 596, 0, 0, Set.of()),
                    new Row("udp", B, 49152, A, 4789, "S0", 5, 702, 0, 0, Set.of()));
            // As VXLAN with 8 + 4 option + 14 bytes per packet: 7 * 26 + 442 = 624, 5 * 26 + 592 = 722.
            case GENEVE -> withOuter(inner(false, Set.of("udp " + A + " 49152 " + B + " 6081",
                            "udp " + B + " 49152 " + A + " 6081")),
                    new Row("udp", A, 49152, B, 6081, "S0", 7, 624, 0, 0, Set.of()),
                    new Row("udp", B, 49152, A, 6081, "S0", 5, 722, 0, 0, Set.of()));
            // One connection both ways; 16 header bytes per packet (8, sequence word, one extension):
            // 7 * 16 + 442 = 554 and 5 * 16 + 592 = 672.
            case GTP_U -> withOuter(inner(false, Set.of("udp " + A + " 2152 " + B + " 2152")),
                    new Row("udp", A, 2152, B, 2152, "SF", 7, 554, 5, 672, Set.of()));
            // 44 header bytes per packet (8, 16 identity, 20 signature) around IPv6: 7 * 44 + 582 = 890,
            // 5 * 44 + 692 = 912.
            case AYIYA -> withOuter(inner(true, Set.of("udp " + A + " 40000 " + B + " 5072")),
                    new Row("udp", A, 40000, B, 5072, "SF", 7, 890, 5, 912, Set.of()));
        };
    }

    private static List<Row> inner(boolean ipv6, Set<String> parents) {
        String c = ipv6 ? EncapsulatedTraffic.CLIENT_V6 : EncapsulatedTraffic.CLIENT_V4;
        String s = ipv6 ? EncapsulatedTraffic.SERVER_V6 : EncapsulatedTraffic.SERVER_V4;
        String d = ipv6 ? EncapsulatedTraffic.DNS_V6 : EncapsulatedTraffic.DNS_V4;
        return List.of(
                new Row("tcp", c, 40000, s, 80, "SF", 5, 100, 3, 300, parents),
                new Row("udp", c, 33333, d, 53, "SF", 1, 30, 1, 60, parents),
                new Row("icmp", c, ipv6 ? 128 : 8, s, ipv6 ? 129 : 0, "OTH", 1, 56, 1, 56, parents));
    }

    private static List<Row> withOuter(List<Row> inner, Row... outer) {
        List<Row> all = new ArrayList<>(inner);
        all.addAll(List.of(outer));
        return all;
    }

    /** The id flowscore gives an IP tunnel: "T" and the Community ID of its address pair and protocol. */
    private static String ipTunnel(String a, String b, int proto) {
        return "T" + new CommunityId(0).of(new FlowKey(a, 0, b, 0, Transport.fromIpProto(proto), proto));
    }

    private static String tuple(Connection c) {
        String proto = c.transport().isIcmp() ? "icmp" : c.transport().name().toLowerCase();
        return proto + " " + compact(c.key().sourceIp()) + " " + c.key().sourcePort() + " "
                + compact(c.key().destinationIp()) + " " + c.key().destinationPort();
    }

    private static String compact(String address) {
        try {
            String text = InetAddress.getByName(address).getHostAddress();
            return text.contains(":") ? address : text;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
