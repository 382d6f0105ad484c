package org.flowscore.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * The site's own address ranges (Zeek's {@code Site::local_nets}), which say whether each end of a
 * connection is local and so which {@link Direction} it goes. A log's own {@code local_orig} /
 * {@code local_resp} win where it has them: the sensor knew its site when it wrote them.
 */
public final class LocalNetworks {
    /**
     * Private (RFC 1918), shared carrier-grade NAT (RFC 6598), link-local IPv4, unique local IPv6
     * (fc00::/7) and link-local IPv6: what a network without configured ranges is made of.
     */
    public static final List<String> DEFAULT_CIDRS = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "100.64.0.0/10", "169.254.0.0/16", "fc00::/7", "fe80::/10");

    private static final LocalNetworks DEFAULTS = parse(DEFAULT_CIDRS);

    private final List<String> cidrs;
    private final long[] v4Network;
    private final long[] v4Mask;
    private final byte[][] v6Network;
    private final int[] v6Prefix;

    private LocalNetworks(List<String> cidrs, List<long[]> v4, List<byte[]> v6Networks, List<Integer> v6Prefixes) {
        this.cidrs = List.copyOf(cidrs);
        this.v4Network = new long[v4.size()];
        this.v4Mask = new long[v4.size()];
        for (int i = 0; i < v4.size(); i++) {
            v4Network[i] = v4.get(i)[0];
            v4Mask[i] = v4.get(i)[1];
        }
        this.v6Network = v6Networks.toArray(new byte[0][]);
        this.v6Prefix = v6Prefixes.stream().mapToInt(Integer::intValue).toArray();
    }

    public static LocalNetworks defaults() {
        return DEFAULTS;
    }

    /**
     * @param cidrs ranges as {@code ADDRESS/PREFIX} (a bare address is one host)
     * @throws IllegalArgumentException naming the first range that is not one
     */
    public static LocalNetworks parse(List<String> cidrs) {
        List<long[]> v4 = new ArrayList<>();
        List<byte[]> v6 = new ArrayList<>();
        List<Integer> v6Prefixes = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String raw : cidrs) {
            String cidr = raw.trim();
            if (cidr.isEmpty()) {
                continue;
            }
            IpAddresses.Cidr parsed = IpAddresses.parseCidr(cidr);
            byte[] bytes = parsed.address();
            int prefix = parsed.prefix();
            if (bytes.length == 4) {
                long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
                long network = (bytes[0] & 0xFFL) << 24 | (bytes[1] & 0xFFL) << 16 | (bytes[2] & 0xFFL) << 8
                        | bytes[3] & 0xFFL;
                v4.add(new long[] {network & mask, mask});
            } else {
                v6.add(bytes);
                v6Prefixes.add(prefix);
            }
            kept.add(cidr);
        }
        return new LocalNetworks(kept, v4, v6, v6Prefixes);
    }

    /** The ranges as given, for messages and reports. */
    public List<String> cidrs() {
        return cidrs;
    }

    /** True when {@code ip} lies in one of the ranges; false for anything that is not an address. */
    public boolean contains(String ip) {
        long v4 = IpAddresses.ipv4(ip);
        if (v4 >= 0) {
            for (int i = 0; i < v4Network.length; i++) {
                if ((v4 & v4Mask[i]) == v4Network[i]) {
                    return true;
                }
            }
            return false;
        }
        if (v6Network.length == 0 || ip.indexOf(':') < 0) {
            return false;
        }
        byte[] bytes = IpAddresses.toBytesOrNull(ip);
        if (bytes == null || bytes.length != 16) {
            return false;
        }
        for (int i = 0; i < v6Network.length; i++) {
            if (matches(bytes, v6Network[i], v6Prefix[i])) {
                return true;
            }
        }
        return false;
    }

    /** Whether the originator is local: the log's {@code local_orig} when it has one, else the ranges. */
    public boolean origIsLocal(Connection c) {
        return c.localOrig() != null ? c.localOrig() : contains(c.key().sourceIp());
    }

    /** Whether the responder is local: the log's {@code local_resp} when it has one, else the ranges. */
    public boolean respIsLocal(Connection c) {
        return c.localResp() != null ? c.localResp() : contains(c.key().destinationIp());
    }

    public Direction direction(Connection c) {
        return Direction.of(origIsLocal(c), respIsLocal(c));
    }

    private static boolean matches(byte[] address, byte[] network, int prefix) {
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }

    @Override
    public String toString() {
        return String.join(",", cidrs);
    }
}
