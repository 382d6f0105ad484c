package org.flowscore.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.flowscore.flow.Connection;
import org.flowscore.flow.Direction;
import org.flowscore.flow.Transport;
import org.junit.jupiter.api.Test;

/** The extended features on hand-made connections whose values can be worked out on paper. */
class ExtendedFeaturesTest {

    private static List<FeaturedConnection> run(ExtendedSettings settings, Connection... connections) {
        List<FeaturedConnection> out = new ArrayList<>();
        FeatureExtractor extractor = new FeatureExtractor(FeatureSettings.defaults(), settings, ServiceTable.bundled(),
                out::add);
        for (Connection c : connections) {
            extractor.accept(c);
        }
        extractor.flush();
        return out;
    }

    private static List<FeaturedConnection> run(Connection... connections) {
        return run(ExtendedSettings.defaults(), connections);
    }

    private static double x(FeaturedConnection fc, String name) {
        return fc.extended().get(name);
    }

    private static double[] column(List<FeaturedConnection> out, String name) {
        return out.stream().mapToDouble(fc -> x(fc, name)).toArray();
    }

    @Test
    void withoutSettingsOnlyTheFortyOneAreComputed() {
        FeaturedConnection fc = Runs.run(Conn.endingAt(1000).build()).getFirst();
        assertNull(fc.extended());
        assertEquals(41, FeatureSet.NSL_KDD.vector(fc).length);
    }

    /** A completed HTTP session out of the site, as Zeek logs it: every per-connection feature by hand. */
    @Test
    void perConnectionFeaturesComeFromTheRecord() {
        FeaturedConnection fc = run(Conn.endingAt(2_500).lasting(1_250_000).from("192.168.1.5", 51000)
                .to("93.184.216.34", 80).history("ShADadfF").packets(6, 5).ipBytes(400, 1300).bytes(80, 1000)
                .build()).getFirst();
        assertEquals(Direction.OUTBOUND, fc.direction());
        assertEquals(6, x(fc, "orig_pkts"));
        assertEquals(5, x(fc, "resp_pkts"));
        assertEquals(400, x(fc, "orig_ip_bytes"));
        assertEquals(1300, x(fc, "resp_ip_bytes"));
        assertEquals(1.25, x(fc, "exact_duration"));
        assertEquals(1, x(fc, "answered"));
        assertEquals(1, x(fc, "handshake"));
        assertEquals(1, x(fc, "data_both_ways"));
        assertEquals(0, x(fc, "orig_reset"));
        assertEquals(0, x(fc, "resp_reset"));
        assertEquals(1, x(fc, "orig_local"));
        assertEquals(0, x(fc, "resp_local"));
        assertEquals(0, x(fc, "resp_multicast"));
        assertEquals("well_known", FeatureSet.EXTENDED.format(KddSchema.COUNT + ExtendedSchema.DST_PORT_CLASS,
                x(fc, "dst_port_class")));
        assertEquals("dynamic", FeatureSet.EXTENDED.format(KddSchema.COUNT + ExtendedSchema.SRC_PORT_CLASS,
                x(fc, "src_port_class")));
        assertEquals(68, FeatureSet.EXTENDED.vector(fc).length);
    }

    @Test
    void historySaysHandshakeAndResetsAndStateStandsInWithoutIt() {
        List<FeaturedConnection> out = run(
                Conn.endingAt(1000).history("Sr").state("REJ").bytes(0, 0).packets(1, 1).build(),
                Conn.endingAt(2000).history("ShR").state("RSTO").bytes(0, 0).build(),
                Conn.endingAt(3000).state("RSTR").build(),
                Conn.endingAt(4000).history("S").state("S0").bytes(0, 0).packets(1, 0).build());
        assertArrayEquals(new double[] {0, 1, 1, 0}, column(out, "handshake"));
        assertArrayEquals(new double[] {0, 1, 0, 0}, column(out, "orig_reset"));
        assertArrayEquals(new double[] {1, 0, 1, 0}, column(out, "resp_reset"));
        assertArrayEquals(new double[] {1, 1, 1, 0}, column(out, "answered"));
    }

    @Test
    void multicastAndPortlessConnections() {
        FeaturedConnection mdns = run(Conn.endingAt(1000).from("192.168.1.7", 5353).to("224.0.0.251", 5353)
                .transport(Transport.UDP).packets(1, 0).bytes(60, 0).build()).getFirst();
        assertEquals(1, x(mdns, "resp_multicast"));
        assertEquals(0, x(mdns, "src_unanswered_share"), "nobody answers multicast: it is not counted unanswered");
        assertEquals(Direction.OUTBOUND, mdns.direction(), "224.0.0.251 is not in the local networks");
        FeaturedConnection ping = run(Conn.endingAt(1000).to("10.0.0.1", 0).transport(Transport.ICMP).build())
                .getFirst();
        assertEquals(0, x(ping, "dst_port_class"), "none");
    }

    /**
     * A vertical scan: one source tries ports 1..5 of one host, unanswered. Every window counts the current
     * connection in, so the k-th probe sees k ports, all failed.
     */
    @Test
    void aVerticalScanShowsAsManyPortsOnOneHost() {
        List<Connection> probes = new ArrayList<>();
        for (int p = 1; p <= 5; p++) {
            probes.add(Conn.endingAt(100L * p).from("203.0.113.9", 40000).to("10.0.0.1", p).state("S0")
                    .history("S").packets(1, 0).bytes(0, 0).build());
        }
        List<FeaturedConnection> out = run(probes.toArray(Connection[]::new));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, column(out, "src_conns"));
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, column(out, "src_distinct_dsts"));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, column(out, "src_distinct_ports"));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, column(out, "src_ports_on_dst"));
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, column(out, "src_failed_share"));
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, column(out, "src_unanswered_share"));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, column(out, "dst_conns"));
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, column(out, "dst_distinct_srcs"));
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, column(out, "chan_conns"), "each port its own channel");
    }

    /** A sweep: one source, one port, four hosts; then, six minutes later, the behaviour window has moved on. */
    @Test
    void aSweepShowsAsManyHostsAndTheWindowForgets() {
        List<Connection> c = new ArrayList<>();
        for (int h = 1; h <= 4; h++) {
            c.add(Conn.endingAt(10L * h).from("10.0.0.9", 40000 + h).to("10.0.1." + h, 445).state("REJ").bytes(0, 0)
                    .build());
        }
        c.add(Conn.endingAt(40 + 360_000).from("10.0.0.9", 41000).to("10.0.1.9", 445).state("SF").build());
        List<FeaturedConnection> out = run(c.toArray(Connection[]::new));
        assertArrayEquals(new double[] {1, 2, 3, 4, 1}, column(out, "src_distinct_dsts"));
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, column(out, "src_distinct_ports"));
        assertArrayEquals(new double[] {1, 1, 1, 1, 0}, column(out, "src_failed_share"));
    }

    /**
     * A beacon every 30 s ± 3 s with the same request size. Starts 0, 30, 63, 90, 120 s: gaps 30, 33, 27, 30.
     * At the fourth connection the gaps are 30, 33, 27: median 30, absolute deviations 0, 3, 3, MAD 3, so the
     * interval dispersion is 3/30 = 0.1; at the fifth, gaps 27, 30, 30, 33: median 30, deviations 3, 0, 0, 3,
     * MAD 1.5, dispersion 0.05. Sizes never change: dispersion 0. Fewer than four connections: unknown (-1).
     */
    @Test
    void aBeaconIsRegularInIntervalAndSize() {
        long[] startsMs = {0, 30_000, 63_000, 90_000, 120_000};
        List<Connection> c = new ArrayList<>();
        for (long s : startsMs) {
            c.add(Conn.endingAt(s + 100).lasting(100_000).from("192.168.1.5", 50000 + (int) (s / 1000))
                    .to("198.51.100.7", 80).ipBytes(350, 600).bytes(80, 330).build());
        }
        List<FeaturedConnection> out = run(c.toArray(Connection[]::new));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, column(out, "chan_conns"));
        assertArrayEquals(new double[] {-1, -1, -1, 0.1, 0.05}, column(out, "chan_interval_dispersion"), 1e-12);
        assertArrayEquals(new double[] {-1, -1, -1, 0, 0}, column(out, "chan_size_dispersion"), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 0, 0}, column(out, "chan_failed_share"));
    }

    /**
     * A flood of spoofed sources, each seen once: with an event budget of 4,096 connections the windows hold
     * at most that many whatever the flood's size, and the features of every connection are still given.
     */
    @Test
    void memoryStaysWithinTheEventBudget() {
        ExtendedSettings small = new ExtendedSettings(ExtendedSettings.DEFAULT_BEHAVIOUR_WINDOW_MICROS,
                ExtendedSettings.DEFAULT_CHANNEL_WINDOW_MICROS, 128, 64, 4096);
        long[] emitted = {0};
        FeatureExtractor extractor = new FeatureExtractor(FeatureSettings.defaults(), small, ServiceTable.bundled(),
                fc -> emitted[0]++);
        for (int i = 0; i < 100_000; i++) {
            extractor.accept(Conn.endingAtMicros(1_000_000L + i * 10L)
                    .from((1 + i % 200) + "." + (i / 200 % 250) + "." + (i / 50_000) + ".7", 1024 + i % 60000)
                    .to("10.0.0.1", 80).state("S0").bytes(0, 0).build());
            assertTrue(extractor.extendedEventsHeld() <= 4096, "held " + extractor.extendedEventsHeld());
        }
        extractor.flush();
        assertEquals(100_000, emitted[0]);
    }
}
