package org.flowscore.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.flowscore.flow.Connection;
import org.junit.jupiter.api.Test;

/** Each attack's connections look the way its description promises: states, histories, counts, targets. */
class AttackShapesTest {
    private static final Pattern ZEEK_UID = Pattern.compile("C[0-9A-Za-z]{17}");

    @Test
    void portScanProbesPortsOfOneServerFromOneSourcePort() {
        Simulated.Run run = Simulated.run(Simulated.scenario(Attack.PORTSCAN, 60, 7));
        List<Connection> probes = run.connections();
        Network net = run.summary().network();
        assertAround(50 * 60, probes.size(), 0.1);
        assertEquals(Set.of(net.scanner()), values(probes, c -> c.key().sourceIp()));
        assertEquals(Set.of(net.server()), values(probes, c -> c.key().destinationIp()));
        assertEquals(1, values(probes, c -> c.key().sourcePort()).size(), "nmap -sS keeps one source port");
        assertEquals(probes.size(), values(probes, c -> c.key().destinationPort()).size(), "no port twice");
        Map<String, Long> states = count(probes, c -> c.connState() + " " + c.history());
        assertEquals(Set.of("REJ Sr", "S0 S", "RSTO ShR"), states.keySet());
        assertAround(0.8 * probes.size(), states.get("REJ Sr"), 0.05);
        for (Connection c : probes) {
            boolean open = Set.of(22, 80, 443).contains(c.key().destinationPort());
            assertEquals(open, c.connState().equals("RSTO"), "open ports answer SYN-ACK: " + c);
            assertEquals(0, c.orig().payloadBytes() + c.resp().payloadBytes());
            assertEquals(c.connState().equals("S0") ? 0 : 1, c.resp().packets());
            assertEquals(c.connState().equals("S0"), c.durationMicros() == 0);
            assertEquals(Boolean.FALSE, c.localOrig());
            assertEquals(Boolean.TRUE, c.localResp());
        }
        long privileged = probes.stream().limit(2024).filter(c -> c.key().destinationPort() <= 1024).count();
        assertEquals(1024, privileged, "the first pass covers every privileged port");
        assertLabelled(probes, "portscan");
    }

    @Test
    void hostSweepProbesOnePortAcrossTheClientsSlash16() {
        Simulated.Run run = Simulated.run(Simulated.scenario(Attack.HOSTSWEEP, 60, 7));
        List<Connection> probes = run.connections();
        Network net = run.summary().network();
        assertAround(20 * 60, probes.size(), 0.1);
        assertEquals(Set.of(net.client()), values(probes, c -> c.key().sourceIp()));
        assertEquals(Set.of(23), values(probes, c -> c.key().destinationPort()));
        assertEquals(probes.size(), values(probes, c -> c.key().destinationIp()).size(), "no host twice");
        assertTrue(probes.stream().allMatch(c -> c.key().destinationIp().startsWith("192.168.")));
        Map<String, Long> states = count(probes, c -> c.connState() + " " + c.history());
        assertEquals(Set.of("S0 S", "REJ Sr", "RSTO ShR"), states.keySet());
        assertAround(0.9 * probes.size(), states.get("S0 S"), 0.05);
        assertTrue(probes.stream().allMatch(c -> c.localOrig() && c.localResp()), "internal to internal");
        assertLabelled(probes, "hostsweep");
    }

    @Test
    void synFloodIsUnansweredSynsInBurstsFromSpoofedSources() {
        Simulated.Run run = Simulated.run(Simulated.scenario(Attack.SYNFLOOD, 30, 7));
        List<Connection> syns = run.connections();
        Network net = run.summary().network();
        assertAround(500 * 30, syns.size(), 0.25);
        assertEquals(Set.of(net.server() + ":80"), values(syns, c -> c.key().destinationIp() + ":"
                + c.key().destinationPort()));
        assertEquals(Map.of("S0 S", (long) syns.size()), count(syns, c -> c.connState() + " " + c.history()));
        assertTrue(values(syns, c -> c.key().sourceIp()).size() > 0.99 * syns.size(), "a new source each time");
        assertTrue(syns.stream().noneMatch(c -> Network.isInternal(c.key().sourceIp())
                || c.key().sourceIp().startsWith("198.51.100.") || c.key().sourceIp().startsWith("203.0.113.")));
        long pauses = 0;
        for (int i = 1; i < syns.size(); i++) {
            pauses += syns.get(i).startMicros() - syns.get(i - 1).startMicros() >= Simulated.SECOND ? 1 : 0;
        }
        assertTrue(pauses >= 4, "bursts separated by pauses of a second or more: " + pauses);
        assertLabelled(syns, "synflood");
    }

    @Test
    void sshBruteForceIsManyShortLoginSessionsToOneService() {
        Simulated.Run run = Simulated.run(Simulated.scenario(Attack.BRUTEFORCE, 300, 7));
        List<Connection> tries = run.connections();
        Network net = run.summary().network();
        assertAround(2 * 300, tries.size(), 0.1);
        assertEquals(Set.of(net.guesser()), values(tries, c -> c.key().sourceIp()));
        assertEquals(Set.of(net.server() + ":22 ssh"), values(tries, c -> c.key().destinationIp() + ":"
                + c.key().destinationPort() + " " + c.service()));
        Map<String, Long> states = count(tries, c -> c.connState() + " " + c.history());
        assertEquals(Set.of("SF ShADadFf", "RSTO ShAdDaFR"), states.keySet());
        for (Connection c : tries) {
            assertTrue(c.orig().payloadBytes() >= 1200 && c.orig().payloadBytes() < 1300, c.toString());
            assertTrue(c.resp().payloadBytes() >= 1650 && c.resp().payloadBytes() < 1870, c.toString());
            assertTrue(c.durationMicros() >= 1_500_000 && c.durationMicros() < 7_000_000, c.toString());
        }
        assertLabelled(tries, "bruteforce");
    }

    @Test
    void ftpBruteForceTargetsTheFtpService() {
        Scenario ftp = new Scenario(List.of(Attack.BRUTEFORCE), OptionalDouble.of(5), Simulated.START,
                60 * Simulated.SECOND, 7, LoginService.FTP);
        List<Connection> tries = Simulated.run(ftp).connections();
        assertAround(5 * 60, tries.size(), 0.1);
        assertEquals(Set.of("21 ftp"), values(tries, c -> c.key().destinationPort() + " " + c.service()));
        assertTrue(tries.stream().allMatch(c -> c.orig().payloadBytes() >= 30 && c.orig().payloadBytes() <= 45
                && c.resp().payloadBytes() >= 110 && c.resp().payloadBytes() <= 160), "USER/PASS/530 sized");
    }

    @Test
    void beaconChecksInWithJitterAroundItsPeriod() {
        Simulated.Run run = Simulated.run(Simulated.scenario(Attack.BEACON, 3600, 7));
        List<Connection> beacons = run.connections();
        Network net = run.summary().network();
        assertAround(120, beacons.size(), 0.05);
        assertEquals(Set.of(net.client() + " " + net.c2() + ":80 http SF"), values(beacons, c -> c.key().sourceIp()
                + " " + c.key().destinationIp() + ":" + c.key().destinationPort() + " " + c.service() + " "
                + c.connState()));
        Set<Long> gaps = new HashSet<>();
        for (int i = 1; i < beacons.size(); i++) {
            long gap = beacons.get(i).startMicros() - beacons.get(i - 1).startMicros();
            assertTrue(gap >= 24 * Simulated.SECOND && gap <= 36 * Simulated.SECOND, "30 s ± 20 %: " + gap);
            gaps.add(gap / Simulated.SECOND);
        }
        assertTrue(gaps.size() > 5, "jittered, not a fixed period: " + gaps);
        assertTrue(values(beacons, c -> c.resp().payloadBytes()).size() == 1, "the same answer every time");
        assertLabelled(beacons, "beacon");
    }

    @Test
    void exfiltrationSendsHundredsOfMegabytesToOneExternalHost() {
        Simulated.Run run = Simulated.run(Simulated.scenario(Attack.EXFIL, 1800, 7));
        List<Connection> uploads = run.connections();
        Network net = run.summary().network();
        assertAround(30, uploads.size(), 0.35);
        assertEquals(Set.of(net.client() + " " + net.drop() + ":443 ssl"), values(uploads, c -> c.key().sourceIp()
                + " " + c.key().destinationIp() + ":" + c.key().destinationPort() + " " + c.service()));
        for (Connection c : uploads) {
            assertTrue(c.orig().payloadBytes() >= 50_000_000 && c.resp().payloadBytes() < 10_000, c.toString());
            assertTrue(c.orig().packets() * 1448 >= c.orig().payloadBytes(), "full-size segments at most");
            assertEquals("SF", c.connState());
        }
        assertLabelled(uploads, "exfil");
    }

    @Test
    void mixedRunsEveryAttackAndTheLoudOnesNeverOverlap() {
        Simulated.Run run = Simulated.run(Simulated.mixed(600, 3));
        assertEquals(Set.of("beacon", "bruteforce", "exfil", "hostsweep", "portscan", "synflood"),
                run.summary().perLabel().keySet());
        long[][] spans = new long[4][];
        String[] loud = {"portscan", "hostsweep", "synflood", "bruteforce"};
        for (int i = 0; i < loud.length; i++) {
            List<Connection> of = run.labelled(loud[i]);
            spans[i] = new long[] {of.getFirst().startMicros(), of.getLast().startMicros()};
            if (i > 0) {
                assertTrue(spans[i][0] > spans[i - 1][1], loud[i] + " starts after " + loud[i - 1] + " ended");
            }
        }
        List<Connection> all = run.connections();
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i).endMicros() >= all.get(i - 1).endMicros(), "written in end order");
        }
    }

    @Test
    void backgroundIsReplayedFromTheTimelinesStartRepeatedAndLabelledBenign() {
        var zat = Simulated.background("zeek/zat-2013-tsv/conn.log");
        List<Connection> original = zat.getFirst();
        long span = original.stream().mapToLong(Connection::endMicros).max().orElseThrow()
                - original.getFirst().startMicros() + Simulated.SECOND;
        Simulated.Run run = Simulated.run(Simulated.scenario(Attack.BEACON, 600, 1), zat);
        List<Connection> benign = run.connections().stream().filter(c -> !c.truth().isAttack()).toList();
        long rounds = (600 * Simulated.SECOND + span - 1) / span;
        assertTrue(benign.size() > (rounds - 1) * original.size() && benign.size() <= rounds * original.size(),
                benign.size() + " connections in " + rounds + " rounds of " + original.size());
        assertEquals(Simulated.START, benign.stream().mapToLong(Connection::startMicros).min().orElseThrow());
        assertEquals(values(original, Connection::key), values(benign, Connection::key), "the same 5-tuples");
        assertTrue(benign.stream().allMatch(c -> c.truth().label().equals("benign")));
        assertEquals(benign.size(), values(benign, Connection::recordId).size(), "fresh uids for every replay");
        assertEquals("192.168.33.10", run.summary().network().client(), "the busiest internal host of the log");
    }

    private static void assertLabelled(List<Connection> connections, String attack) {
        for (Connection c : connections) {
            assertEquals("Malicious", c.truth().label());
            assertEquals(attack, c.truth().detail());
            assertTrue(ZEEK_UID.matcher(c.recordId()).matches(), c.recordId());
        }
        assertEquals(connections.size(), values(connections, Connection::recordId).size(), "uids are unique");
    }

    private static void assertAround(double expected, double actual, double tolerance) {
        assertTrue(Math.abs(actual - expected) <= tolerance * expected,
                actual + " is not within " + (int) (tolerance * 100) + " % of " + expected);
    }

    private static <T> Set<T> values(List<Connection> connections, Function<Connection, T> f) {
        return connections.stream().map(f).collect(Collectors.toSet());
    }

    private static Map<String, Long> count(List<Connection> connections, Function<Connection, String> f) {
        return connections.stream().collect(Collectors.groupingBy(f, Collectors.counting()));
    }
}
