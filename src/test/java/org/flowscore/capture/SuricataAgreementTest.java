package org.flowscore.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.flowscore.capture.flowtable.FlowTimeouts;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flowscore.flow.Connection;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * flowscore's connections against Suricata's flow records of the same pcaps. Suricata counts bytes of whole
 * frames, so its bytes are compared with IP bytes plus the 14-byte Ethernet header per packet.
 */
class SuricataAgreementTest {
    private static final int ETHERNET_HEADER = 14;

    @Test
    void zeusFlowsAgreeWithSuricataEve() throws Exception {
        Path dir = SharedData.require("pcap/zeus-suricata");
        List<JsonNode> flows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(dir.resolve("eve.json"))) {
            JsonNode event = json.readTree(line);
            if ("flow".equals(event.path("event_type").asText())) {
                flows.add(event);
            }
        }
        flows.sort(Comparator.comparing(e -> java.time.OffsetDateTime.parse(e.path("flow").path("start").asText(),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxx")).toInstant()));
        // Suricata ends a one-way UDP or ICMP flow after 30 s idle (flow-timeouts, state new), not Zeek's 1 min.
        List<Connection> ours = Captured.connections(dir.resolve("zeus.pcapng"),
                FlowTimeouts.ZEEK.withInactivity(FlowTimeouts.ZEEK.tcp(), Duration.ofSeconds(30), Duration.ofSeconds(30)));
        Map<String, ArrayDeque<Connection>> byTuple = new HashMap<>();
        ours.stream().sorted(Comparator.comparingLong(Connection::startMicros)).forEach(c -> byTuple.computeIfAbsent(
                unordered(c.transport().name(), c.key().sourceIp(), c.key().sourcePort(), c.key().destinationIp(),
                        c.key().destinationPort()), k -> new ArrayDeque<>()).add(c));
        int matched = 0;
        int packets = 0;
        int bytes = 0;
        for (JsonNode e : flows) {
            // Suricata writes ICMP type and code apart; flowscore, like Zeek, keeps them in the ports.
            boolean icmp = e.has("icmp_type");
            var queue = byTuple.get(unordered(e.path("proto").asText(), e.path("src_ip").asText(),
                    icmp ? e.path("icmp_type").asInt() : e.path("src_port").asInt(), e.path("dest_ip").asText(),
                    icmp ? e.path("icmp_code").asInt() : e.path("dest_port").asInt()));
            Connection c = queue == null ? null : queue.poll();
            if (c == null) {
                System.out.println("    no connection for " + e);
                continue;
            }
            matched++;
            JsonNode f = e.path("flow");
            boolean sameDirection = same(e.path("src_ip").asText(), c.key().sourceIp());
            var toServer = sameDirection ? c.orig() : c.resp();
            var toClient = sameDirection ? c.resp() : c.orig();
            boolean p = f.path("pkts_toserver").asLong() == toServer.packets()
                    && f.path("pkts_toclient").asLong() == toClient.packets();
            boolean b = f.path("bytes_toserver").asLong() == toServer.ipBytes() + ETHERNET_HEADER * toServer.packets()
                    && f.path("bytes_toclient").asLong() == toClient.ipBytes() + ETHERNET_HEADER * toClient.packets();
            packets += p ? 1 : 0;
            bytes += b ? 1 : 0;
            if (!p || !b) {
                System.out.println("    differs: suricata " + e.path("proto").asText() + " " + e.path("src_ip").asText()
                        + ":" + e.path("src_port") + " -> " + e.path("dest_ip").asText() + ":" + e.path("dest_port")
                        + " " + f + "\n             ours " + c.key() + " " + c.connState() + " " + c.orig() + " "
                        + c.resp());
            }
        }
        System.out.printf("zeus: suricata %d flows, ours %d connections, matched %d, packets equal %d, bytes equal %d%n",
                flows.size(), ours.size(), matched, packets, bytes);
        // flowscore's only extra connections are IGMP, which Zeek logs (unknown_transport) and Suricata did not.
        long igmp = ours.stream().filter(c -> c.key().ipProto() == 2).count();
        assertEquals(flows.size() + igmp, ours.size());
        assertEquals(flows.size(), matched);
        assertEquals(matched, packets);
        assertEquals(matched, bytes);
    }

    @Test
    void suricataVerifyFlowChecksAgree() throws Exception {
        Path root = SharedData.require("pcap/suricata-verify");
        YAMLMapper yaml = new YAMLMapper();
        int checks = 0;
        int agreeing = 0;
        try (var dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                List<Connection> ours = Captured.connections(dir.resolve("input.pcap"));
                for (JsonNode check : yaml.readTree(dir.resolve("test.yaml").toFile()).path("checks")) {
                    JsonNode filter = check.path("filter");
                    JsonNode match = filter.path("match");
                    if (!"flow".equals(match.path("event_type").asText()) || !match.has("flow.pkts_toserver")) {
                        continue;
                    }
                    checks++;
                    long count = ours.stream().filter(c -> matches(c, match)).count();
                    boolean agrees = count == filter.path("count").asLong(1);
                    agreeing += agrees ? 1 : 0;
                    System.out.printf("%-18s expects %d flow(s) %s: ours %d%s%n", dir.getFileName(),
                            filter.path("count").asLong(1), flowFields(match), count, agrees ? "" : "  <-- differs");
                    if (!agrees) {
                        ours.stream().filter(c -> c.key().destinationPort() == match.path("dest_port").asInt()
                                        || c.key().sourcePort() == match.path("dest_port").asInt())
                                .forEach(c -> System.out.println("        ours " + c.key().sourceIp() + ":"
                                        + c.key().sourcePort() + " -> " + c.key().destinationIp() + ":"
                                        + c.key().destinationPort() + " " + c.orig() + " " + c.resp()));
                    }
                }
            }
        }
        System.out.printf("suricata-verify: %d of %d flow checks agree%n", agreeing, checks);
        // The two left: Suricata counts Ethernet padding of short frames in its bytes (imap-detection), and keeps
        // one flow where late packets after the close delay start new connections here, as in Zeek (bug-2646-01).
        assertTrue(checks > 0 && agreeing >= 0.8 * checks, agreeing + " of " + checks);
    }

    private static String flowFields(JsonNode match) {
        StringBuilder out = new StringBuilder();
        for (String f : new String[] {"proto", "src_ip", "src_port", "dest_ip", "dest_port", "flow.pkts_toserver",
                "flow.pkts_toclient", "flow.bytes_toserver", "flow.bytes_toclient"}) {
            out.append(f.replace("flow.", "")).append('=').append(match.path(f).asText()).append(' ');
        }
        return out.toString();
    }

    private static boolean matches(Connection c, JsonNode match) {
        String srcIp = match.path("src_ip").asText(null);
        boolean forward = srcIp == null ? true : same(srcIp, c.key().sourceIp());
        var toServer = forward ? c.orig() : c.resp();
        var toClient = forward ? c.resp() : c.orig();
        int clientPort = forward ? c.key().sourcePort() : c.key().destinationPort();
        int serverPort = forward ? c.key().destinationPort() : c.key().sourcePort();
        return (srcIp == null || same(srcIp, forward ? c.key().sourceIp() : c.key().destinationIp()))
                && equal(match, "src_port", clientPort) && equal(match, "dest_port", serverPort)
                && equal(match, "flow.pkts_toserver", toServer.packets())
                && equal(match, "flow.pkts_toclient", toClient.packets())
                && equal(match, "flow.bytes_toserver", toServer.ipBytes() + ETHERNET_HEADER * toServer.packets())
                && equal(match, "flow.bytes_toclient", toClient.ipBytes() + ETHERNET_HEADER * toClient.packets())
                && (!match.has("proto") || match.path("proto").asText().equalsIgnoreCase(c.transport().name()));
    }

    private static boolean equal(JsonNode match, String field, long value) {
        return !match.has(field) || match.path(field).asLong() == value;
    }

    private static boolean same(String a, String b) {
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unordered(String proto, String a, int aPort, String b, int bPort) {
        try {
            String left = InetAddress.getByName(a).getHostAddress() + "/" + aPort;
            String right = InetAddress.getByName(b).getHostAddress() + "/" + bPort;
            String p = proto.toUpperCase(java.util.Locale.ROOT).replace("IPV6-ICMP", "ICMPV6");
            return left.compareTo(right) < 0 ? p + " " + left + " " + right : p + " " + right + " " + left;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
