package org.flowscore.features;

import static org.flowscore.features.Runs.column;
import static org.flowscore.features.Runs.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.flowscore.flow.Connection;
import org.junit.jupiter.api.Test;

/** End ordering, lateness, capacity, flush and determinism of the extractor. */
class ReorderTest {
    /** These cases are written around a 2-second hold, shorter than the default, to keep the times small. */
    private static final FeatureSettings TWO_SECONDS_LATENESS =
            FeatureSettings.defaults().withMaxLatenessMicros(2_000_000);

    private static final long HOUR_MICROS = 3_600_000_000L;

    private final List<FeaturedConnection> out = new ArrayList<>();

    private FeatureExtractor extractor(FeatureSettings settings) {
        return new FeatureExtractor(settings, ServiceTable.bundled(), out::add);
    }

    private double[] ends() {
        return out.stream().mapToDouble(fc -> fc.connection().endMicros() / 1000).toArray();
    }

    @Test
    void swappedWithinTheLatenessComeOutInEndOrderWithInOrderFeatures() {
        Connection a = Conn.endingAt(1000).sport(1).build();
        Connection b = Conn.endingAt(1500).sport(2).build();
        Connection c = Conn.endingAt(10_000).sport(3).build();
        FeatureExtractor x = extractor(TWO_SECONDS_LATENESS);
        x.accept(b);
        x.accept(a);
        x.accept(c);
        assertArrayEquals(new double[] {1000, 1500}, ends());
        x.flush();
        assertArrayEquals(new double[] {1000, 1500, 10_000}, ends());
        assertEquals(run(a, b, c), out);
        assertArrayEquals(new double[] {0, 1, 0}, column(out, "count"));
        assertEquals(new FeatureExtractor.Stats(3, 3, 0, 0, 0), x.stats());
    }

    @Test
    void laterThanTheLatenessIsProcessedAtOnceAndCounted() {
        FeatureExtractor x = extractor(TWO_SECONDS_LATENESS);
        x.accept(Conn.endingAt(10_000).build());
        x.accept(Conn.endingAt(20_000).build());
        assertArrayEquals(new double[] {10_000}, ends());
        x.accept(Conn.endingAt(5_000).build());
        assertArrayEquals(new double[] {10_000, 5_000}, ends());
        assertEquals(new FeatureExtractor.Stats(3, 2, 1, 0, 1), x.stats());
        x.flush();
        assertArrayEquals(new double[] {10_000, 5_000, 20_000}, ends());
        // The late one is seen at the last released end (10 s), where the first is still in its window.
        assertArrayEquals(new double[] {0, 1, 0}, column(out, "count"));
        assertArrayEquals(new double[] {0, 1, 2}, column(out, "dst_host_count"));
        assertEquals(new FeatureExtractor.Stats(3, 3, 1, 0, 0), x.stats());
    }

    @Test
    void overCapacityReleasesTheEarliest() {
        FeatureExtractor x = extractor(TWO_SECONDS_LATENESS.withMaxLatenessMicros(HOUR_MICROS)
                .withReorderCapacity(2));
        x.accept(Conn.endingAt(1000).build());
        x.accept(Conn.endingAt(3000).build());
        assertEquals(0, out.size());
        x.accept(Conn.endingAt(2000).build());
        assertArrayEquals(new double[] {1000}, ends());
        x.accept(Conn.endingAt(4000).build());
        assertArrayEquals(new double[] {1000, 2000}, ends());
        assertEquals(new FeatureExtractor.Stats(4, 2, 0, 2, 2), x.stats());
        x.accept(Conn.endingAt(1500).build());
        assertEquals(new FeatureExtractor.Stats(5, 3, 1, 2, 2), x.stats());
        x.flush();
        assertArrayEquals(new double[] {1000, 2000, 1500, 3000, 4000}, ends());
    }

    @Test
    void flushDrainsEverythingInEndOrder() {
        FeatureExtractor x = extractor(TWO_SECONDS_LATENESS.withMaxLatenessMicros(HOUR_MICROS));
        x.accept(Conn.endingAt(2000).build());
        x.accept(Conn.endingAt(1000).build());
        x.accept(Conn.endingAt(1500).build());
        assertEquals(new FeatureExtractor.Stats(3, 0, 0, 0, 3), x.stats());
        x.flush();
        assertArrayEquals(new double[] {1000, 1500, 2000}, ends());
        assertArrayEquals(new double[] {0, 1, 2}, column(out, "count"));
        assertEquals(new FeatureExtractor.Stats(3, 3, 0, 0, 0), x.stats());
    }

    @Test
    void equalEndsKeepTheirArrivalOrder() {
        FeatureExtractor x = extractor(TWO_SECONDS_LATENESS);
        for (int port = 1; port <= 5; port++) {
            x.accept(Conn.endingAt(1000).sport(port).build());
        }
        x.flush();
        assertEquals(List.of(1, 2, 3, 4, 5), out.stream().map(fc -> fc.connection().key().sourcePort()).toList());
    }

    @Test
    void theSameInputGivesTheSameOutput() {
        List<Connection> input = messyTraffic(new Random(42), 5000, true);
        FeatureSettings settings = TWO_SECONDS_LATENESS.withReorderCapacity(500);
        List<FeaturedConnection> first = run(settings, input.toArray(Connection[]::new));
        List<FeaturedConnection> second = run(settings, input.toArray(Connection[]::new));
        assertEquals(5000, first.size());
        assertEquals(first, second);

        FeatureExtractor x = extractor(settings);
        input.forEach(x);
        x.flush();
        // The input exercises both escape hatches, late arrival and a full buffer.
        assertEquals(new FeatureExtractor.Stats(5000, 5000, 96, 4382, 0), x.stats());
        assertEquals(first, out);
    }

    @Test
    void jitterWithinTheLatenessGivesExactlyTheFeaturesOfSortedInput() {
        List<Connection> input = messyTraffic(new Random(7), 5000, false);
        List<Connection> sorted = input.stream().sorted(Comparator.comparingLong(Connection::endMicros)).toList();
        FeatureExtractor x = extractor(TWO_SECONDS_LATENESS);
        input.forEach(x);
        x.flush();
        assertEquals(new FeatureExtractor.Stats(5000, 5000, 0, 0, 0), x.stats());
        assertEquals(run(sorted.toArray(Connection[]::new)), out);
    }

    /** Mostly increasing ends with up to 1.5 s of jitter, bursts of equal ends, optionally 5 s stragglers. */
    private static List<Connection> messyTraffic(Random random, int n, boolean stragglers) {
        String[] states = {"SF", "S0", "REJ", "RSTO", "S1", "OTH"};
        String[] services = {null, "http", "ssl", "dns", "ftp-data"};
        int[] ports = {80, 443, 22, 53, 8080, 12345, 161, 6001};
        List<Connection> input = new ArrayList<>();
        long clock = 100_000_000;
        for (int i = 0; i < n; i++) {
            clock += random.nextInt(3) == 0 ? 0 : random.nextInt(5_000);
            long end = clock - (stragglers && random.nextInt(50) == 0 ? 5_000_000 : random.nextInt(1_500_000));
            input.add(Conn.endingAtMicros(end).lasting(random.nextInt(3_000_000))
                    .from("10.0.0." + random.nextInt(5), 1024 + random.nextInt(4))
                    .to("10.0.1." + random.nextInt(8), ports[random.nextInt(ports.length)])
                    .state(states[random.nextInt(states.length)])
                    .service(services[random.nextInt(services.length)])
                    .bytes(random.nextInt(1000), random.nextInt(2) * random.nextInt(1000)).build());
        }
        return input;
    }
}
