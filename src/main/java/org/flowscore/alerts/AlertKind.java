package org.flowscore.alerts;

import java.util.Locale;
import java.util.Set;
import org.flowscore.features.ExtendedFeatures;
import org.flowscore.features.ExtendedSchema;
import org.flowscore.features.KddFeatures;
import org.flowscore.features.KddSchema;
import org.flowscore.flow.Connection;
import org.flowscore.flow.Direction;
import org.flowscore.flow.Transport;
import org.flowscore.model.ScoredFlow;

/**
 * What kind of behaviour a flagged flow shows, read from its features by the first rule that holds, in this order
 * (docs/alerts.md has the table). The model's explanation is not used: on real traffic it names where a flow comes
 * from more often than what it does (on the rita-missing-host days the shipped model's first reason is
 * {@code resp_local} or {@code dst_host_count} for 97 % of flagged flows), while the window features say it directly.
 * With a model of the 41 NSL-KDD features only, the rules fall back on those, and beacons cannot be told.
 */
public enum AlertKind {
    /** Outbound, at least 1 MB sent, ten times what came back. */
    EXFILTRATION,
    /** To a login service (ssh, telnet, ftp, mail, databases, RDP, VNC, SMB, WinRM), again and again, answered. */
    BRUTE_FORCE,
    /** The same channel (source, destination, port) at regular intervals, answered: a check-in. */
    BEACON,
    /** Many ports of one host from one source, or a failed connection attempt (a probe, often one of many sources'). */
    SCAN,
    /** Many half-open connections to one host and service: within two seconds, or most of the last hundred. */
    FLOOD,
    /** One source reaching many hosts. */
    SWEEP,
    /** Flagged by the model, with none of the behaviours above. */
    ANOMALY;

    /** Ports of services where a password is guessed. */
    static final Set<Integer> LOGIN_PORTS = Set.of(21, 22, 23, 25, 110, 143, 389, 445, 465, 587, 993, 995, 1433,
            3306, 3389, 5432, 5900, 5985, 5986);
    /** {@link #LOGIN_PORTS} by port number: asked of every flagged flow, without boxing the port. */
    private static final boolean[] LOGIN_PORT = new boolean[65_536];

    static {
        LOGIN_PORTS.forEach(port -> LOGIN_PORT[port] = true);
    }
    /** Bytes an outbound connection sends before it may be exfiltration. */
    static final long EXFILTRATION_BYTES = 1_000_000;
    /** Connections of one channel in an hour before its rhythm counts (the dispersion needs four). */
    static final int REPEATED = 4;
    /** A channel's interval dispersion up to this is a clock, not a person (people are around 0.5 and above). */
    static final double REGULAR = 0.25;
    /** Ports of one destination a source tried within five minutes before it is a port scan. */
    static final int SCANNED_PORTS = 5;
    /** Hosts one source reached within five minutes before it is a sweep. */
    static final int SWEPT_HOSTS = 10;
    /** Connections to one host within two seconds, nearly all half-open to one service, before it is a flood. */
    static final int FLOOD_COUNT = 100;

    /** The name documents carry ({@code flowscore.alert.kind}): {@code scan}, {@code brute-force}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind of a name {@link #id} gives. */
    public static AlertKind of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The kind of a flagged flow. */
    public static AlertKind of(ScoredFlow flow) {
        Connection c = flow.connection();
        KddFeatures k = flow.features();
        double sent = k.get(KddSchema.SRC_BYTES);
        if (flow.direction() == Direction.OUTBOUND && sent >= EXFILTRATION_BYTES
                && sent >= 10 * k.get(KddSchema.DST_BYTES)) {
            return EXFILTRATION;
        }
        boolean login = !c.transport().isIcmp() && loginPort(c.key().destinationPort());
        AlertKind repeated = flow.extended() != null ? repeated(login, flow.extended()) : repeated(login, k);
        if (repeated != null) {
            return repeated;
        }
        if (k.get(KddSchema.COUNT_2S) >= FLOOD_COUNT && k.get(KddSchema.SAME_SRV_RATE) >= 0.8
                && k.get(KddSchema.SERROR_RATE) >= 0.8
                || k.get(KddSchema.DST_HOST_COUNT) >= 90 && k.get(KddSchema.DST_HOST_SAME_SRV_RATE) >= 0.9
                && k.get(KddSchema.DST_HOST_SERROR_RATE) >= 0.8) {
            return FLOOD;
        }
        ExtendedFeatures x = flow.extended();
        if (x != null ? x.get(ExtendedSchema.SRC_DISTINCT_DSTS) >= SWEPT_HOSTS
                : k.get(KddSchema.SRV_COUNT) >= SWEPT_HOSTS && k.get(KddSchema.SRV_DIFF_HOST_RATE) >= 0.8) {
            return SWEEP;
        }
        return failedAttempt(c, k, x) ? SCAN : ANOMALY;
    }

    private static boolean loginPort(int port) {
        return port >= 0 && port < LOGIN_PORT.length && LOGIN_PORT[port];
    }

    /** Brute force, beacon or port scan, from one source's channels and ports; null for none of them. */
    private static AlertKind repeated(boolean login, ExtendedFeatures x) {
        boolean answeredChannel = x.get(ExtendedSchema.CHAN_CONNS) >= REPEATED && x.get(ExtendedSchema.DATA_BOTH_WAYS) == 1;
        double dispersion = x.get(ExtendedSchema.CHAN_INTERVAL_DISPERSION);
        if (login && answeredChannel) {
            return BRUTE_FORCE;
        }
        if (answeredChannel && dispersion >= 0 && dispersion <= REGULAR) {
            return BEACON;
        }
        return x.get(ExtendedSchema.SRC_PORTS_ON_DST) >= SCANNED_PORTS ? SCAN : null;
    }

    /**
     * Brute force or port scan from the 41 features, whose windows count by destination and service, not by
     * source: many recent connections to one host's login service, or many services of one host in two seconds.
     */
    private static AlertKind repeated(boolean login, KddFeatures k) {
        if (login && k.get(KddSchema.DST_HOST_COUNT) >= 20 && k.get(KddSchema.DST_HOST_SAME_SRV_RATE) >= 0.9) {
            return BRUTE_FORCE;
        }
        return k.get(KddSchema.COUNT_2S) >= SCANNED_PORTS && k.get(KddSchema.DIFF_SRV_RATE) >= 0.5 ? SCAN : null;
    }

    /** A TCP connection that never completed its handshake, or any connection nobody answered. */
    private static boolean failedAttempt(Connection c, KddFeatures k, ExtendedFeatures x) {
        if (x != null) {
            return c.transport() == Transport.TCP && x.get(ExtendedSchema.HANDSHAKE) == 0
                    || x.get(ExtendedSchema.ANSWERED) == 0;
        }
        return c.transport() == Transport.TCP && Set.of("S0", "REJ", "RSTOS0", "SH").contains(k.flag());
    }
}
