package org.flowscore.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.flowscore.flow.Connection;
import org.junit.jupiter.api.Test;

/** Attacks injected into a real capture, as the training corpus and calibrate make them. */
class InjectionTest {
    private static final List<Connection> HUE = Simulated.background("zeek/iot23-honeypot-4-1/conn.log.labeled")
            .getFirst();

    @Test
    void theCaptureStaysWhereItWasAndEveryAttackRunsInsideIt() {
        List<Connection> out = Injection.inject(HUE, 7);
        List<Connection> benign = out.stream().filter(c -> !c.truth().isAttack()).toList();
        assertEquals(HUE.size(), benign.size(), "every connection of the capture, once");
        assertEquals(HUE.stream().map(Connection::startMicros).sorted().toList(),
                benign.stream().map(Connection::startMicros).sorted().toList(), "not shifted, not repeated");
        long first = HUE.stream().mapToLong(Connection::startMicros).min().orElseThrow();
        long last = HUE.stream().mapToLong(Connection::endMicros).max().orElseThrow();
        List<Connection> attacks = out.stream().filter(c -> c.truth().isAttack()).toList();
        assertTrue(attacks.stream().allMatch(c -> c.startMicros() >= first && c.startMicros() <= last));
        assertEquals(Arrays.stream(Attack.values()).map(Attack::cliName).collect(Collectors.toSet()),
                attacks.stream().map(c -> c.truth().detail()).collect(Collectors.toSet()));
        for (int i = 1; i < out.size(); i++) {
            assertTrue(out.get(i - 1).endMicros() <= out.get(i).endMicros(), "end order, as a sensor logs");
        }
    }

    @Test
    void theSameSeedGivesTheSameConnectionsAndAnotherOtherOnes() {
        assertEquals(Injection.inject(HUE, 7), Injection.inject(HUE, 7));
        Set<String> a = Injection.inject(HUE, 7).stream().filter(c -> c.truth().isAttack())
                .map(c -> c.key().destinationIp() + ":" + c.startMicros()).collect(Collectors.toSet());
        Set<String> b = Injection.inject(HUE, 8).stream().filter(c -> c.truth().isAttack())
                .map(c -> c.key().destinationIp() + ":" + c.startMicros()).collect(Collectors.toSet());
        assertNotEquals(a, b);
    }

    /** The Hue bridge's capture spans 22 hours: the beacon runs one to three hours at a 10 to 120 s period. */
    @Test
    void paceIsDrawnFromTheRanges() {
        for (long seed = 1; seed <= 5; seed++) {
            long beacons = Injection.inject(HUE, seed).stream()
                    .filter(c -> "beacon".equals(c.truth().detail())).count();
            assertTrue(beacons >= 60 * 60 / 120 * 8 / 10 && beacons <= 3 * 3600 / 10 * 12 / 10, "" + beacons);
        }
    }
}
