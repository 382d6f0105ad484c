package org.flowscore.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flowscore.features.ExtendedSettings;
import org.flowscore.features.FeatureExtractor;
import org.flowscore.features.FeatureSettings;
import org.flowscore.features.FeaturedConnection;
import org.flowscore.features.ServiceTable;
import org.flowscore.flow.Connection;
import org.flowscore.flow.Transport;
import org.flowscore.model.ScoredFlow;
import org.flowscore.simulate.Attack;
import org.flowscore.simulate.LoginService;
import org.flowscore.simulate.Scenario;
import org.flowscore.simulate.Simulator;
import org.junit.jupiter.api.Test;

/**
 * The kind rule on cases worked out by hand, then on every attack {@code simulate} makes, through the production
 * feature extractor: each attack is told as the kind it is, with the extended features and, where the 41 can tell
 * it, with those alone.
 */
class AlertKindTest {
    private static final long START = 1_713_528_000_000_000L; // 2024-04-19T12:00:00Z

    private static AlertKind kind(String source, String destination, int port, long sent, Map<String, Double> features) {
        return AlertKind.of(HandFlows.flow("C1", source, destination, port, Transport.TCP, 100, sent, 0.9, features));
    }

    @Test
    void handCases() {
        assertEquals(AlertKind.EXFILTRATION, kind("10.0.0.5", "198.51.100.9", 443, 2_000_000, Map.of("dst_bytes", 4096.0)));
        assertEquals(AlertKind.ANOMALY, kind("198.51.100.9", "10.0.0.5", 443, 2_000_000,
                Map.of("dst_bytes", 4096.0, "handshake", 1.0, "answered", 1.0)), "inbound: a download, not exfiltration");
        assertEquals(AlertKind.ANOMALY, kind("10.0.0.5", "198.51.100.9", 443, 2_000_000,
                Map.of("dst_bytes", 300_000.0, "handshake", 1.0, "answered", 1.0)), "a fifth back: an exchange");
        Map<String, Double> answeredChannel = Map.of("chan_conns", 6.0, "data_both_ways", 1.0, "handshake", 1.0,
                "answered", 1.0, "chan_interval_dispersion", 0.6);
        assertEquals(AlertKind.BRUTE_FORCE, kind("198.51.100.9", "10.0.0.5", 22, 0, answeredChannel));
        assertEquals(AlertKind.ANOMALY, kind("198.51.100.9", "10.0.0.5", 8080, 0, answeredChannel), "no login port");
        assertEquals(AlertKind.BEACON, kind("10.0.0.5", "198.51.100.9", 80, 0, Map.of("chan_conns", 6.0,
                "data_both_ways", 1.0, "handshake", 1.0, "answered", 1.0, "chan_interval_dispersion", 0.1)));
        assertEquals(AlertKind.SCAN, kind("10.0.0.5", "198.51.100.9", 80, 0, Map.of("chan_conns", 6.0,
                "chan_interval_dispersion", 0.1)), "a regular but refused channel is not a beacon but failed attempts");
        assertEquals(AlertKind.SCAN, kind("198.51.100.9", "10.0.0.5", 8080, 0,
                Map.of("src_ports_on_dst", 5.0, "handshake", 1.0, "answered", 1.0)));
        assertEquals(AlertKind.FLOOD, kind("198.51.100.9", "10.0.0.5", 80, 0,
                Map.of("count", 100.0, "same_srv_rate", 0.8, "serror_rate", 0.8, "answered", 1.0, "handshake", 1.0)));
        assertEquals(AlertKind.SWEEP, kind("10.0.0.5", "10.0.0.9", 23, 0, Map.of("src_distinct_dsts", 10.0)));
        assertEquals(AlertKind.ANOMALY, kind("10.0.0.5", "10.0.0.9", 23, 0,
                Map.of("src_distinct_dsts", 9.0, "handshake", 1.0, "answered", 1.0)));
        assertEquals(AlertKind.SCAN, AlertKind.of(HandFlows.flow("C2", "10.0.0.5", "10.0.0.9", 53, Transport.UDP, 100,
                0, 0.9, Map.of("handshake", 0.0, "answered", 0.0))), "an unanswered UDP probe");
        assertEquals(AlertKind.ANOMALY, AlertKind.of(HandFlows.flow("C3", "10.0.0.5", "10.0.0.9", 53, Transport.UDP,
                100, 0, 0.9, Map.of("answered", 1.0))), "UDP has no handshake: answered is enough");
    }

    @Test
    void theNamesDocumentsCarry() {
        assertEquals(List.of("exfiltration", "brute-force", "beacon", "scan", "flood", "sweep", "anomaly"),
                java.util.Arrays.stream(AlertKind.values()).map(AlertKind::id).toList());
        for (AlertKind k : AlertKind.values()) {
            assertEquals(k, AlertKind.of(k.id()));
        }
    }

    /** The share of each attack's connections told as each kind, from a ten-minute mixed run. */
    private static Map<String, Map<AlertKind, Double>> kindsOfSimulatedAttacks(boolean extended) {
        List<Connection> connections = new ArrayList<>();
        Simulator.run(new Scenario(List.of(Attack.values()), OptionalDouble.empty(), START, 600_000_000L, 7,
                LoginService.SSH), List.of(), connections::add);
        List<FeaturedConnection> featured = new ArrayList<>();
        FeatureExtractor extractor = new FeatureExtractor(FeatureSettings.defaults(),
                extended ? ExtendedSettings.defaults() : null, ServiceTable.bundled(), featured::add);
        connections.forEach(extractor);
        extractor.flush();
        Map<String, List<AlertKind>> byAttack = featured.stream().filter(fc -> fc.connection().truth().isAttack())
                .collect(Collectors.groupingBy(fc -> fc.connection().truth().detail(), TreeMap::new,
                        Collectors.mapping(fc -> AlertKind.of(new ScoredFlow(fc, 0.9, true, List.of())),
                                Collectors.toList())));
        Map<String, Map<AlertKind, Double>> shares = new TreeMap<>();
        byAttack.forEach((attack, kinds) -> shares.put(attack, kinds.stream().collect(Collectors.groupingBy(
                Function.identity(), TreeMap::new, Collectors.collectingAndThen(Collectors.counting(),
                        n -> (double) n / kinds.size())))));
        return shares;
    }

    @Test
    void everySimulatedAttackIsToldAsItsKind() {
        Map<String, Map<AlertKind, Double>> shares = kindsOfSimulatedAttacks(true);
        Map<String, AlertKind> expected = Map.of("portscan", AlertKind.SCAN, "hostsweep", AlertKind.SWEEP,
                "synflood", AlertKind.FLOOD, "bruteforce", AlertKind.BRUTE_FORCE, "beacon", AlertKind.BEACON,
                "exfil", AlertKind.EXFILTRATION);
        assertEquals(expected.keySet(), shares.keySet());
        expected.forEach((attack, kind) -> {
            double share = shares.get(attack).getOrDefault(kind, 0.0);
            // A channel's rhythm shows from its fourth connection: a beacon's first three are told otherwise.
            assertTrue(share >= (attack.equals("beacon") ? 0.8 : 0.95), attack + ": " + shares.get(attack));
        });
    }

    @Test
    void withTheFortyOneFeaturesAloneTheLoudAttacksAreStillTold() {
        Map<String, Map<AlertKind, Double>> shares = kindsOfSimulatedAttacks(false);
        Map<String, AlertKind> expected = Map.of("portscan", AlertKind.SCAN, "hostsweep", AlertKind.SWEEP,
                "synflood", AlertKind.FLOOD, "exfil", AlertKind.EXFILTRATION);
        expected.forEach((attack, kind) -> assertTrue(shares.get(attack).getOrDefault(kind, 0.0) >= 0.9,
                attack + ": " + shares.get(attack)));
    }
}
