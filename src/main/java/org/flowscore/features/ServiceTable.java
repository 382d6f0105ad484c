package org.flowscore.features;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.flowscore.flow.Connection;
import org.flowscore.flow.Transport;

/**
 * The NSL-KDD {@code service} of a connection. In order of precedence:
 * <ol>
 *   <li>a detected protocol with an {@code override} row in the fallback table ({@code ftp-data}: its ports
 *       are negotiated, so only the analyzer knows it);</li>
 *   <li>the port table {@code mappings/services.tsv}: (transport, responder port), or ICMP (type, code)
 *       with the type in the flow key's source port and the code in its destination port;</li>
 *   <li>the detected protocol (Zeek {@code service}, Suricata {@code app_proto}) through
 *       {@code mappings/service-fallbacks.tsv}; of a comma list, the first name with a row wins;</li>
 *   <li>{@code private} for a port-carrying transport whose responder port is at most {@code privatePortMax},
 *       else {@code other}. The SNMP attacks of KDDTest+ (snmpgetattack, snmpguess: udp/161) are
 *       {@code private} in 498 of their 506 udp rows, so {@code private} meant an unlisted privileged port
 *       (notes §1.6). ICMP messages without a row and transports without ports are {@code other}.</li>
 * </ol>
 * Every result is an index into {@link KddSchema#SERVICES}. Immutable apart from a bounded cache of parsed
 * detected-protocol fields; safe to share between threads.
 */
public final class ServiceTable {
    public static final String BUNDLED_PORTS = "/mappings/services.tsv";
    public static final String BUNDLED_FALLBACKS = "/mappings/service-fallbacks.tsv";

    static final int OTHER = KddSchema.SERVICES.indexOf("other");
    static final int PRIVATE = KddSchema.SERVICES.indexOf("private");
    /** Zeek and Suricata emit a few dozen distinct protocol lists; the cap only guards against odd input. */
    private static final int CACHE_LIMIT = 4096;

    private static volatile ServiceTable bundled;

    private final ServiceTableFiles.Ports ports;
    private final ServiceTableFiles.Detected detected;
    private final Map<String, Resolution> resolutions = new ConcurrentHashMap<>();

    /** Override and fallback service per transport ordinal (service index plus one, 0 for none). */
    private record Resolution(byte[] override, byte[] fallback) {
    }

    private ServiceTable(ServiceTableFiles.Ports ports, ServiceTableFiles.Detected detected) {
        this.ports = ports;
        this.detected = detected;
    }

    /** The tables shipped in the jar under {@code mappings/}. */
    public static ServiceTable bundled() {
        ServiceTable table = bundled;
        if (table == null) {
            try (BufferedReader p = resource(BUNDLED_PORTS); BufferedReader f = resource(BUNDLED_FALLBACKS)) {
                table = new ServiceTable(ServiceTableFiles.readPorts(p, BUNDLED_PORTS.substring(1)),
                        ServiceTableFiles.readFallbacks(f, BUNDLED_FALLBACKS.substring(1)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled service tables", e);
            }
            bundled = table;
        }
        return table;
    }

    /** A user's port table, with the bundled detected-protocol fallbacks. */
    public static ServiceTable load(Path ports) throws IOException {
        try (BufferedReader p = Files.newBufferedReader(ports, StandardCharsets.UTF_8);
             BufferedReader f = resource(BUNDLED_FALLBACKS)) {
            return new ServiceTable(ServiceTableFiles.readPorts(p, ports.toString()),
                    ServiceTableFiles.readFallbacks(f, BUNDLED_FALLBACKS.substring(1)));
        }
    }

    /** A user's port table and fallback table. */
    public static ServiceTable load(Path ports, Path fallbacks) throws IOException {
        try (BufferedReader p = Files.newBufferedReader(ports, StandardCharsets.UTF_8);
             BufferedReader f = Files.newBufferedReader(fallbacks, StandardCharsets.UTF_8)) {
            return new ServiceTable(ServiceTableFiles.readPorts(p, ports.toString()),
                    ServiceTableFiles.readFallbacks(f, fallbacks.toString()));
        }
    }

    private static BufferedReader resource(String name) {
        InputStream in = ServiceTable.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("service table " + name + " is missing from the classpath");
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    public int index(Connection connection, int privatePortMax) {
        return index(connection.transport(), connection.key().sourcePort(), connection.key().destinationPort(),
                connection.service(), privatePortMax);
    }

    public String name(Connection connection, int privatePortMax) {
        return KddSchema.SERVICES.get(index(connection, privatePortMax));
    }

    /**
     * @param sourcePort      originator port, or the ICMP type
     * @param destinationPort responder port, or the ICMP code
     * @param detected        Zeek {@code service} / Suricata {@code app_proto}, may be null
     * @return an index into {@link KddSchema#SERVICES}
     */
    public int index(Transport transport, int sourcePort, int destinationPort, String detected,
                     int privatePortMax) {
        int t = transport.ordinal();
        Resolution resolution = detected == null ? null : resolve(detected);
        if (resolution != null && resolution.override[t] != 0) {
            return resolution.override[t] - 1;
        }
        int listed = transport.isIcmp() ? icmpRow(t, sourcePort, destinationPort) : portRow(t, destinationPort);
        if (listed != 0) {
            return listed - 1;
        }
        if (resolution != null && resolution.fallback[t] != 0) {
            return resolution.fallback[t] - 1;
        }
        boolean hasPorts = transport == Transport.TCP || transport == Transport.UDP || transport == Transport.SCTP;
        return hasPorts && destinationPort >= 0 && destinationPort <= privatePortMax ? PRIVATE : OTHER;
    }

    private int portRow(int t, int port) {
        byte[] table = ports.byPort()[t];
        return table != null && port >= 0 && port < table.length ? table[port] : 0;
    }

    private int icmpRow(int t, int type, int code) {
        if (type < 0 || type > 255) {
            return 0;
        }
        byte[] exact = ports.byTypeAndCode()[t];
        if (exact != null && code >= 0 && code <= 255 && exact[type * 256 + code] != 0) {
            return exact[type * 256 + code];
        }
        byte[] anyCode = ports.byType()[t];
        return anyCode != null ? anyCode[type] : 0;
    }

    private Resolution resolve(String field) {
        Resolution r = resolutions.get(field);
        if (r == null) {
            r = computeResolution(field);
            if (resolutions.size() < CACHE_LIMIT) {
                resolutions.put(field, r);
            }
        }
        return r;
    }

    private Resolution computeResolution(String field) {
        List<String> names = DetectedProtocol.names(field);
        byte[] override = new byte[ServiceTableFiles.TRANSPORTS];
        byte[] fallback = new byte[ServiceTableFiles.TRANSPORTS];
        for (int t = 0; t < ServiceTableFiles.TRANSPORTS; t++) {
            override[t] = firstRow(detected.overrides(), names, t);
            fallback[t] = firstRow(detected.fallbacks(), names, t);
        }
        return new Resolution(override, fallback);
    }

    private static byte firstRow(Map<String, byte[]> rows, List<String> names, int t) {
        for (String name : names) {
            byte[] row = rows.get(name);
            if (row != null && row[t] != 0) {
                return row[t];
            }
        }
        return 0;
    }

    /** Every service name some row of either table produces, for review and tests. */
    Set<String> servicesInTables() {
        Set<String> all = new TreeSet<>(ports.services());
        all.addAll(detected.services());
        return all;
    }
}
