package org.flowscore.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.flowscore.features.FeatureExtractor;
import org.flowscore.features.FeatureSettings;
import org.flowscore.features.FeaturedConnection;
import org.flowscore.features.ServiceTable;
import org.flowscore.flow.Connection;
import org.flowscore.flow.SourceFormat;
import org.flowscore.testing.Reading;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mixed run over real benign background, written as Zeek TSV and read back through the production reader
 * and feature extractor: the window features of each attack's connections move the way the attack should
 * move them, against the same features of the benign connections around them.
 */
class AttackFeaturesTest {
    @TempDir
    static Path tmp;

    private static List<FeaturedConnection> featured;
    private static Simulator.Summary summary;

    @BeforeAll
    static void simulateAndReadBack() throws IOException {
        var background = Simulated.background("zeek/zat-2013-tsv/conn.log", "zeek/iot23-honeypot-4-1/conn.log.labeled");
        Scenario scenario = Simulated.mixed(600, 11);
        summary = Simulated.run(scenario, background).summary();
        Path file = Simulated.write(scenario, background, SourceFormat.ZEEK_TSV, tmp.resolve("conn.log"));
        featured = new ArrayList<>();
        FeatureExtractor extractor = new FeatureExtractor(FeatureSettings.defaults(), ServiceTable.bundled(),
                featured::add);
        Reading.Result read = Reading.read(file);
        assertEquals(0, read.stats().skippedTotal(), "every generated line reads back");
        read.connections().forEach(extractor);
        extractor.flush();
    }

    @Test
    void everyConnectionReadsBackWithItsTruth() {
        Map<String, Long> perLabel = new TreeMap<>();
        for (FeaturedConnection fc : featured) {
            Connection c = fc.connection();
            String label = c.truth().isAttack() ? c.truth().detail() : c.truth().label();
            perLabel.merge(label, 1L, Long::sum);
        }
        assertEquals(summary.perLabel(), perLabel);
    }

    @Test
    void aPortScanRaisesCountErrorRatesAndDiffSrvRateForItsTarget() {
        Predicate<Connection> scan = attack("portscan");
        Predicate<Connection> benign = benignDuring("portscan");
        assertTrue(mean(scan, "count") >= 50, "50 probes a second in a 2 s window: " + mean(scan, "count"));
        assertTrue(mean(scan, "count") > 10 * mean(benign, "count"));
        double errors = mean(scan, "serror_rate") + mean(scan, "rerror_rate");
        assertTrue(errors >= 0.95, "all but the open ports fail: " + errors);
        assertTrue(mean(scan, "rerror_rate") > mean(scan, "serror_rate"), "most closed ports reset");
        assertTrue(errors > 5 * (mean(benign, "serror_rate") + mean(benign, "rerror_rate")));
        // The first pass (privileged ports and 1,000 high ones, shuffled) spreads over many KDD services; the
        // rest of the range is all 'other', so the rate is high early in the scan and falls later.
        List<FeaturedConnection> firstPass = featured.stream().filter(fc -> scan.test(fc.connection()))
                .limit(2024).toList();
        double firstPassDiff = firstPass.stream().mapToDouble(fc -> fc.features().get("diff_srv_rate")).average()
                .orElseThrow();
        assertTrue(firstPassDiff >= 0.4, "many services on one host: " + firstPassDiff);
        assertTrue(mean(scan, "diff_srv_rate") > 3 * mean(benign, "diff_srv_rate"));
        assertTrue(mean(scan, "dst_host_count") >= 90, "the last 100 connections nearly all hit the target");
    }

    @Test
    void aHostSweepRaisesSrvCountAndSrvDiffHostRate() {
        Predicate<Connection> sweep = attack("hostsweep");
        Predicate<Connection> benign = benignDuring("hostsweep");
        assertTrue(mean(sweep, "srv_count") >= 20, "20 probes a second to telnet: " + mean(sweep, "srv_count"));
        assertTrue(mean(sweep, "srv_count") > 5 * mean(benign, "srv_count"));
        assertTrue(mean(sweep, "srv_diff_host_rate") >= 0.95, "each probe another host");
        // Client traffic reaches many hosts per service too (web browsing): the sweep's rate is higher still,
        // and over many more connections.
        assertTrue(mean(sweep, "srv_diff_host_rate") > mean(benign, "srv_diff_host_rate"),
                mean(sweep, "srv_diff_host_rate") + " vs " + mean(benign, "srv_diff_host_rate"));
        assertTrue(mean(sweep, "count") < 1, "no host is probed twice in a window");
    }

    @Test
    void aSynFloodFillsTheWindowWithSynErrors() {
        Predicate<Connection> flood = attack("synflood");
        assertTrue(mean(flood, "count") >= 400, "hundreds of SYNs a second: " + mean(flood, "count"));
        assertTrue(mean(flood, "serror_rate") >= 0.99);
        assertTrue(mean(flood, "same_srv_rate") >= 0.99, "always the web port");
    }

    @Test
    void aBruteForceKeepsHittingOneServiceOfOneHost() {
        Predicate<Connection> guesses = attack("bruteforce");
        assertTrue(mean(guesses, "dst_host_same_srv_rate") >= 0.9, "" + mean(guesses, "dst_host_same_srv_rate"));
        assertTrue(mean(guesses, "dst_host_same_src_port_rate") < 0.05, "a new source port per attempt");
        assertTrue(mean(guesses, "src_bytes") >= 1200 && mean(guesses, "dst_bytes") >= 1600);
    }

    private static Predicate<Connection> attack(String name) {
        return c -> name.equals(c.truth().detail());
    }

    /** The benign connections that ended while the attack ran: the traffic the detector sees beside it. */
    private static Predicate<Connection> benignDuring(String attack) {
        List<Connection> of = featured.stream().map(FeaturedConnection::connection).filter(attack(attack)).toList();
        long from = of.getFirst().endMicros();
        long to = of.getLast().endMicros();
        return c -> !c.truth().isAttack() && c.endMicros() >= from && c.endMicros() <= to;
    }

    private static double mean(Predicate<Connection> which, String feature) {
        return featured.stream().filter(fc -> which.test(fc.connection()))
                .mapToDouble(fc -> fc.features().get(feature)).average().orElseThrow();
    }
}
