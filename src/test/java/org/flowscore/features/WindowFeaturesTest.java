package org.flowscore.features;

import static org.flowscore.features.Runs.column;
import static org.flowscore.features.Runs.f;
import static org.flowscore.features.Runs.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.flowscore.flow.Connection;
import org.junit.jupiter.api.Test;

/** The 2-second and last-N window features on hand-computed traffic. */
class WindowFeaturesTest {

    @Test
    void burstToOneHost() {
        Connection[] burst = new Connection[5];
        for (int k = 0; k < 5; k++) {
            burst[k] = Conn.endingAt(100 + 200 * k).from("10.0.0.9", 40001 + k).to("10.0.0.1", 80)
                    .service("http").build();
        }
        List<FeaturedConnection> out = run(burst);
        double[] k = {0, 1, 2, 3, 4};
        double[] zeroThenOne = {0, 1, 1, 1, 1};
        double[] zeros = new double[5];
        assertArrayEquals(k, column(out, "count"));
        assertArrayEquals(k, column(out, "srv_count"));
        assertArrayEquals(zeroThenOne, column(out, "same_srv_rate"));
        assertArrayEquals(zeros, column(out, "diff_srv_rate"));
        assertArrayEquals(zeros, column(out, "srv_diff_host_rate"));
        assertArrayEquals(zeros, column(out, "serror_rate"));
        assertArrayEquals(zeros, column(out, "rerror_rate"));
        assertArrayEquals(k, column(out, "dst_host_count"));
        assertArrayEquals(k, column(out, "dst_host_srv_count"));
        assertArrayEquals(zeroThenOne, column(out, "dst_host_same_srv_rate"));
        assertArrayEquals(zeros, column(out, "dst_host_diff_srv_rate"));
        assertArrayEquals(zeros, column(out, "dst_host_same_src_port_rate"));
        assertArrayEquals(zeros, column(out, "dst_host_srv_diff_host_rate"));
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, column(out, "logged_in"));
        FeaturedConnection last = out.get(4);
        assertEquals("tcp", last.features().protocolType());
        assertEquals("http", last.features().service());
        assertEquals("SF", last.features().flag());
    }

    @Test
    void verticalScanOfOneHost() {
        String scanner = "10.0.0.66";
        List<FeaturedConnection> out = run(
                Conn.endingAt(100).from(scanner, 50000).to("10.0.0.1", 80).service("http").build(),
                Conn.endingAt(200).from(scanner, 50001).to("10.0.0.1", 21).state("REJ").bytes(0, 0).build(),
                Conn.endingAt(300).from(scanner, 50002).to("10.0.0.1", 22).state("REJ").bytes(0, 0).build(),
                Conn.endingAt(400).from(scanner, 50003).to("10.0.0.1", 23).state("REJ").bytes(0, 0).build(),
                Conn.endingAt(500).from(scanner, 50004).to("10.0.0.1", 8080).state("REJ").bytes(0, 0).build(),
                Conn.endingAt(600).from(scanner, 50005).to("10.0.0.1", 443).state("REJ").bytes(0, 0).build());

        // The fifth is http (port 8080) after http SF, ftp, ssh, telnet REJ.
        FeaturedConnection fifth = out.get(4);
        assertEquals("http", fifth.features().service());
        assertEquals("REJ", fifth.features().flag());
        assertEquals(4, f(fifth, "count"));
        assertEquals(1, f(fifth, "srv_count"));
        assertEquals(0.75, f(fifth, "rerror_rate"));
        assertEquals(0.0, f(fifth, "serror_rate"));
        assertEquals(0.25, f(fifth, "same_srv_rate"));
        assertEquals(0.75, f(fifth, "diff_srv_rate"));
        assertEquals(0.0, f(fifth, "srv_diff_host_rate"));
        assertEquals(0.0, f(fifth, "srv_rerror_rate"));
        assertEquals(4, f(fifth, "dst_host_count"));
        assertEquals(1, f(fifth, "dst_host_srv_count"));
        assertEquals(0.25, f(fifth, "dst_host_same_srv_rate"));
        assertEquals(0.75, f(fifth, "dst_host_diff_srv_rate"));
        assertEquals(0.75, f(fifth, "dst_host_rerror_rate"));
        assertEquals(0.0, f(fifth, "dst_host_srv_rerror_rate"));
        assertEquals(0.0, f(fifth, "logged_in"));

        // The sixth is http_443, a service nothing before it had.
        FeaturedConnection sixth = out.get(5);
        assertEquals("http_443", sixth.features().service());
        assertEquals(5, f(sixth, "count"));
        assertEquals(0, f(sixth, "srv_count"));
        assertEquals(0.8, f(sixth, "rerror_rate"));
        assertEquals(0.0, f(sixth, "same_srv_rate"));
        assertEquals(1.0, f(sixth, "diff_srv_rate"));
        assertEquals(0.0, f(sixth, "srv_diff_host_rate"));
        assertEquals(0.0, f(sixth, "srv_rerror_rate"));
        assertEquals(5, f(sixth, "dst_host_count"));
        assertEquals(0, f(sixth, "dst_host_srv_count"));
        assertEquals(1.0, f(sixth, "dst_host_diff_srv_rate"));
        assertEquals(0.8, f(sixth, "dst_host_rerror_rate"));
    }

    @Test
    void horizontalSweepOfOnePort() {
        List<Connection> input = new ArrayList<>();
        input.add(Conn.endingAt(50).from("10.0.0.50", 41000).to("10.0.1.3", 22).service("ssh").build());
        for (int k = 0; k < 5; k++) {
            input.add(Conn.endingAt(100 + 100 * k).from("10.0.0.66", 50000 + k).to("10.0.1." + (1 + k), 22)
                    .state("S0").bytes(0, 0).build());
        }
        List<FeaturedConnection> sweep = run(input.toArray(Connection[]::new)).subList(1, 6);
        assertArrayEquals(new double[] {0, 0, 1, 0, 0}, column(sweep, "count"));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, column(sweep, "srv_count"));
        assertArrayEquals(new double[] {1, 1, 0.67, 1, 1}, column(sweep, "srv_diff_host_rate"));
        assertArrayEquals(new double[] {0, 0.5, 0.67, 0.75, 0.8}, column(sweep, "srv_serror_rate"));
        assertArrayEquals(new double[] {0, 0, 0, 0, 0}, column(sweep, "serror_rate"));
        assertArrayEquals(new double[] {0, 0, 1, 0, 0}, column(sweep, "same_srv_rate"));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, column(sweep, "dst_host_srv_count"));
        assertArrayEquals(new double[] {1, 1, 0.67, 1, 1}, column(sweep, "dst_host_srv_diff_host_rate"));
        assertArrayEquals(new double[] {0, 0.5, 0.67, 0.75, 0.8}, column(sweep, "dst_host_srv_serror_rate"));
        assertArrayEquals(new double[] {0, 0, 1, 0, 0}, column(sweep, "dst_host_count"));
    }

    @Test
    void synFlood() {
        Connection[] flood = new Connection[10];
        for (int k = 0; k < 10; k++) {
            flood[k] = Conn.endingAt(100 * k).from("10.0.0.66", 1000 + k).to("10.0.0.1", 80).state("S0")
                    .bytes(0, 0).build();
        }
        List<FeaturedConnection> out = run(flood);
        FeaturedConnection first = out.get(0);
        assertEquals(0, f(first, "count"));
        assertEquals(0.0, f(first, "serror_rate"));
        FeaturedConnection last = out.get(9);
        assertEquals("S0", last.features().flag());
        assertEquals("http", last.features().service());
        assertEquals(9, f(last, "count"));
        assertEquals(9, f(last, "srv_count"));
        assertEquals(1.0, f(last, "serror_rate"));
        assertEquals(1.0, f(last, "srv_serror_rate"));
        assertEquals(0.0, f(last, "rerror_rate"));
        assertEquals(1.0, f(last, "same_srv_rate"));
        assertEquals(1.0, f(last, "dst_host_serror_rate"));
        assertEquals(1.0, f(last, "dst_host_srv_serror_rate"));
        assertEquals(0.0, f(last, "logged_in"));
    }

    @Test
    void hostWindowSameSourcePortIgnoresTime() {
        List<FeaturedConnection> out = run(
                Conn.endingAt(0).sport(5000).build(),
                Conn.endingAt(10_000).sport(5000).build(),
                Conn.endingAt(20_000).sport(5001).build(),
                Conn.endingAt(30_000).sport(5000).build());
        assertArrayEquals(new double[] {0, 0, 0, 0}, column(out, "count"));
        assertArrayEquals(new double[] {0, 1, 2, 3}, column(out, "dst_host_count"));
        assertArrayEquals(new double[] {0, 1, 0, 0.67}, column(out, "dst_host_same_src_port_rate"));
    }

    @Test
    void trafficWindowIsHalfOpen() {
        List<FeaturedConnection> out = run(
                Conn.endingAtMicros(1_000_000).build(),
                Conn.endingAtMicros(2_999_999).build(),
                Conn.endingAtMicros(3_000_000).build(),
                Conn.endingAtMicros(3_000_000).build());
        assertArrayEquals(new double[] {0, 1, 1, 2}, column(out, "count"));
        assertArrayEquals(new double[] {0, 1, 2, 3}, column(out, "dst_host_count"));
    }

    @Test
    void hostWindowKeepsTheLastN() {
        FeatureSettings three = FeatureSettings.defaults().withHostWindowSize(3);
        List<FeaturedConnection> out = run(three,
                Conn.endingAt(0).to("10.0.0.1", 80).build(),
                Conn.endingAt(10_000).to("10.0.0.2", 80).build(),
                Conn.endingAt(20_000).to("10.0.0.2", 80).build(),
                Conn.endingAt(30_000).to("10.0.0.2", 80).build(),
                Conn.endingAt(40_000).to("10.0.0.1", 80).build());
        assertArrayEquals(new double[] {0, 0, 1, 2, 0}, column(out, "dst_host_count"));
        assertArrayEquals(new double[] {0, 1, 2, 3, 3}, column(out, "dst_host_srv_count"));
        assertArrayEquals(new double[] {0, 1, 0.5, 0.33, 1}, column(out, "dst_host_srv_diff_host_rate"));
    }

    @Test
    void countsClipAt511AndHostCountsAt255() {
        Connection[] many = new Connection[513];
        for (int k = 0; k < many.length; k++) {
            many[k] = Conn.endingAt(k).sport(10000 + k).build();
        }
        List<FeaturedConnection> out = run(FeatureSettings.defaults().withHostWindowSize(300), many);
        assertArrayEquals(new double[] {510, 511, 511}, column(out.subList(510, 513), "count"));
        assertArrayEquals(new double[] {510, 511, 511}, column(out.subList(510, 513), "srv_count"));
        assertArrayEquals(new double[] {254, 255, 255}, column(out.subList(254, 257), "dst_host_count"));
        assertEquals(255, f(out.get(512), "dst_host_count"));
        assertEquals(255, f(out.get(512), "dst_host_srv_count"));
        assertEquals(1.0, f(out.get(512), "same_srv_rate"));
    }

    @Test
    void ratesAreRoundedToTwoDecimals() {
        List<FeaturedConnection> out = run(
                Conn.endingAt(100).to("10.0.0.1", 80).build(),
                Conn.endingAt(200).to("10.0.0.1", 21).build(),
                Conn.endingAt(300).to("10.0.0.1", 22).build(),
                Conn.endingAt(400).to("10.0.0.1", 80).build());
        FeaturedConnection last = out.get(3);
        assertEquals(0.33, f(last, "same_srv_rate"));
        assertEquals(0.67, f(last, "diff_srv_rate"));
        assertEquals(0.33, f(last, "dst_host_same_srv_rate"));
        assertEquals("0.33", last.features().format(KddSchema.SAME_SRV_RATE));
    }

    @Test
    void windowStateShrinksWhenTrafficMovesOn() {
        List<FeaturedConnection> out = new ArrayList<>();
        FeatureExtractor x = new FeatureExtractor(FeatureSettings.defaults().withMaxLatenessMicros(0),
                ServiceTable.bundled(), out::add);
        for (int k = 0; k < 1000; k++) {
            x.accept(Conn.endingAt(k).to("10.1." + (k / 250) + "." + (k % 250), 22).build());
        }
        assertEquals(1000, x.trafficWindowHosts());
        assertEquals(100, x.hostWindowHosts());
        x.accept(Conn.endingAt(60_000).to("10.0.0.1", 22).build());
        x.flush();
        assertEquals(1, x.trafficWindowSize());
        assertEquals(1, x.trafficWindowHosts());
        assertEquals(1001, out.size());
    }
}
