package org.flowscore.simulate;

import java.util.Locale;
import org.flowscore.flow.GroundTruth;

/**
 * The attacks {@code flowscore simulate} generates. Each has a natural pace, its default rate in connections
 * per second, and labels its connections IoT-23 style: label {@code Malicious}, detailed label its name.
 */
public enum Attack {
    PORTSCAN(50),
    HOSTSWEEP(20),
    SYNFLOOD(500),
    BRUTEFORCE(2),
    /** One check-in every 30 s: the period of many commodity implants. */
    BEACON(1 / 30.0),
    /** One large upload a minute. */
    EXFIL(1 / 60.0);

    public static final String MALICIOUS = "Malicious";

    private final double defaultRate;

    Attack(double defaultRate) {
        this.defaultRate = defaultRate;
    }

    /** The name users type after {@code --attack}, also the detailed label of its connections. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Connections per second when {@code --rate} is not given. */
    public double defaultRate() {
        return defaultRate;
    }

    public GroundTruth truth() {
        return new GroundTruth(MALICIOUS, cliName());
    }
}
