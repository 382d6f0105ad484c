package org.flowscore.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.flowscore.flow.Acknowledgement;
import org.junit.jupiter.api.Test;

class WindowCountsTest {

    @Test
    void ratesRoundHalfUpOnTheExactFraction() {
        assertEquals(0.0, WindowCounts.rate(0, 0));
        assertEquals(0.0, WindowCounts.rate(0, 7));
        assertEquals(0.33, WindowCounts.rate(1, 3));
        assertEquals(0.67, WindowCounts.rate(2, 3));
        assertEquals(0.13, WindowCounts.rate(1, 8));
        assertEquals(0.15, WindowCounts.rate(29, 200));
        assertEquals(0.05, WindowCounts.rate(6, 123));
        assertEquals(1.0, WindowCounts.rate(511, 511));
    }

    @Test
    void hostsLeaveWhenTheirLastConnectionDoes() {
        WindowCounts counts = new WindowCounts(true, 2);
        counts.add(entry("10.0.0.1", 3, 1000, "S0"));
        counts.add(entry("10.0.0.1", 9, 1000, "REJ"));
        counts.add(entry("10.0.0.2", 3, 2000, "SF"));
        WindowCounts.HostCounts host = counts.host("10.0.0.1");
        assertEquals(2, host.count());
        assertEquals(1, host.serrors());
        assertEquals(1, host.rerrors());
        assertEquals(1, host.withService(3));
        assertEquals(2, host.withSourcePort(1000));
        assertEquals(2, counts.service(3));
        assertEquals(1, counts.serviceSerrors(3));
        assertEquals(0, counts.serviceRerrors(3));
        assertEquals(2, counts.hostCount());
        counts.removeOldest();
        counts.removeOldest();
        assertEquals(1, counts.hostCount());
        assertEquals(0, counts.host("10.0.0.1").count());
        assertEquals(0, counts.host("10.0.0.1").withSourcePort(1000));
        counts.removeOldest();
        assertEquals(0, counts.hostCount());
        assertEquals(0, counts.service(3));
        assertEquals(0, counts.serviceSerrors(3));
        // A reused host record starts from zero.
        counts.add(entry("10.0.0.3", 3, 2000, "SF"));
        assertEquals(1, counts.host("10.0.0.3").count());
        assertEquals(1, counts.host("10.0.0.3").withSourcePort(2000));
        assertEquals(0, counts.host("10.0.0.3").withSourcePort(1000));
        assertEquals(0, counts.host("10.0.0.3").serrors());
    }

    /** The ring grows and shrinks around its oldest slot; the counts must match a recount of what is in it. */
    @Test
    void ringAgreesWithARecount() {
        Random random = new Random(3);
        WindowCounts counts = new WindowCounts(true, 1);
        java.util.ArrayDeque<WindowEntry> reference = new java.util.ArrayDeque<>();
        String[] states = {"SF", "S0", "REJ"};
        for (int step = 0; step < 20_000; step++) {
            int burst = step % 2000 < 1000 ? 3 : 1;
            if (random.nextInt(4) < burst || reference.isEmpty()) {
                WindowEntry e = entry("10.0.0." + random.nextInt(6), random.nextInt(4), random.nextInt(3),
                        states[random.nextInt(3)], step);
                counts.add(e);
                reference.addLast(e);
            } else {
                assertEquals(reference.pollFirst().end, counts.oldestEnd());
                counts.removeOldest();
            }
            if (step % 97 == 0) {
                assertEquals(reference.size(), counts.size());
                for (int h = 0; h < 6; h++) {
                    String host = "10.0.0." + h;
                    List<WindowEntry> same = reference.stream().filter(e -> e.host.equals(host)).toList();
                    WindowCounts.HostCounts hc = counts.host(host);
                    assertEquals(same.size(), hc.count());
                    assertEquals(same.stream().filter(e -> e.serror).count(), hc.serrors());
                    assertEquals(same.stream().filter(e -> e.rerror).count(), hc.rerrors());
                    for (int v = 0; v < 4; v++) {
                        int service = v;
                        assertEquals(same.stream().filter(e -> e.service == service).count(), hc.withService(v));
                        assertEquals(same.stream().filter(e -> e.sourcePort == service).count(),
                                hc.withSourcePort(v));
                    }
                }
                for (int v = 0; v < 4; v++) {
                    int service = v;
                    assertEquals(reference.stream().filter(e -> e.service == service).count(), counts.service(v));
                    assertEquals(reference.stream().filter(e -> e.service == service && e.serror).count(),
                            counts.serviceSerrors(v));
                    assertEquals(reference.stream().filter(e -> e.service == service && e.rerror).count(),
                            counts.serviceRerrors(v));
                }
            }
        }
    }

    @Test
    void intCounterAgreesWithAMap() {
        Random random = new Random(7);
        IntCounter counter = new IntCounter();
        Map<Integer, Integer> reference = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            int key = random.nextInt(300) * (random.nextBoolean() ? 1 : 65536);
            if (random.nextInt(3) > 0 || !reference.containsKey(key)) {
                counter.increment(key);
                reference.merge(key, 1, Integer::sum);
            } else {
                counter.decrement(key);
                reference.compute(key, (k, v) -> v == 1 ? null : v - 1);
            }
            if (step % 1000 == 0) {
                for (int k = 0; k < 300; k++) {
                    assertEquals(reference.getOrDefault(k, 0), counter.get(k));
                    assertEquals(reference.getOrDefault(k * 65536, 0), counter.get(k * 65536));
                }
            }
        }
        reference.forEach((k, v) -> {
            for (int i = 0; i < v; i++) {
                counter.decrement(k);
            }
        });
        assertTrue(counter.isEmpty());
        assertThrows(IllegalStateException.class, () -> counter.decrement(5));
    }

    private static WindowEntry entry(String host, int service, int sourcePort, String state) {
        return entry(host, service, sourcePort, state, 0);
    }

    private static WindowEntry entry(String host, int service, int sourcePort, String state, long endMs) {
        return new WindowEntry(0, Conn.endingAt(endMs).from("10.9.9.9", sourcePort).to(host, 1).build(),
                Acknowledgement.NONE, service, KddFlag.fromConnState(state));
    }
}
