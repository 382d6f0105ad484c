package org.flowscore.flow;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Community ID v1 flow hashing (corelight/community-id-spec): SHA-1 over seed, ordered addresses, protocol
 * and ordered ports (ICMP types mapped to their request/reply counterpart), rendered as {@code 1:} plus
 * base64 (or hex). One instance per thread: it keeps its digest between calls.
 */
public final class CommunityId {

    private static final int[] ICMP4_COUNTERPART = counterparts(
            8, 0, 13, 14, 15, 16, 10, 9, 17, 18);
    private static final int[] ICMP6_COUNTERPART = counterparts(
            128, 129, 133, 134, 135, 136, 130, 131, 144, 145);

    private final int seed;
    private final boolean base64;
    private final MessageDigest sha1;
    private final byte[] buffer = new byte[2 + 16 + 16 + 2 + 4];

    public CommunityId(int seed) {
        this(seed, true);
    }

    public CommunityId(int seed, boolean base64) {
        if (seed < 0 || seed > 0xFFFF) {
            throw new IllegalArgumentException("Community ID seed must be 0..65535, got " + seed);
        }
        this.seed = seed;
        this.base64 = base64;
        try {
            this.sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    /** A hasher with the same settings, for another thread. */
    public CommunityId copy() {
        return new CommunityId(seed, base64);
    }

    public String of(FlowKey key) {
        return hash(key.ipProto(), key.sourceIp(), key.destinationIp(), key.sourcePort(), key.destinationPort());
    }

    /**
     * @param sport source port, or ICMP type
     * @param dport destination port, or ICMP code
     * @throws IllegalArgumentException when an address is not an IP literal
     */
    public String hash(int proto, String saddr, String daddr, int sport, int dport) {
        byte[] src = IpAddresses.toBytes(saddr);
        byte[] dst = IpAddresses.toBytes(daddr);
        boolean hasPorts = proto == 6 || proto == 17 || proto == 132 || proto == 1 || proto == 58;
        boolean oneWay = false;
        if (proto == 1 || proto == 58) {
            int[] table = proto == 1 ? ICMP4_COUNTERPART : ICMP6_COUNTERPART;
            int type = sport;
            if (type >= 0 && type < table.length && table[type] >= 0) {
                sport = type;
                dport = table[type];
            } else {
                sport = type;
                dport = dport & 0xFFFF;
                oneWay = true;
            }
        }
        if (!oneWay && !ordered(src, dst, sport, dport)) {
            byte[] t = src;
            src = dst;
            dst = t;
            int p = sport;
            sport = dport;
            dport = p;
        }
        int n = 0;
        buffer[n++] = (byte) (seed >>> 8);
        buffer[n++] = (byte) seed;
        System.arraycopy(src, 0, buffer, n, src.length);
        n += src.length;
        System.arraycopy(dst, 0, buffer, n, dst.length);
        n += dst.length;
        buffer[n++] = (byte) proto;
        buffer[n++] = 0;
        if (hasPorts) {
            buffer[n++] = (byte) (sport >>> 8);
            buffer[n++] = (byte) sport;
            buffer[n++] = (byte) (dport >>> 8);
            buffer[n++] = (byte) dport;
        }
        sha1.reset();
        sha1.update(buffer, 0, n);
        byte[] digest = sha1.digest();
        return "1:" + (base64 ? Base64.getEncoder().encodeToString(digest) : HexFormat.of().formatHex(digest));
    }

    private static boolean ordered(byte[] src, byte[] dst, int sport, int dport) {
        int c = Arrays.compareUnsigned(src, dst);
        return c < 0 || (c == 0 && sport <= dport);
    }

    private static int[] counterparts(int... pairs) {
        int[] table = new int[256];
        Arrays.fill(table, -1);
        for (int i = 0; i < pairs.length; i += 2) {
            table[pairs[i]] = pairs[i + 1];
            table[pairs[i + 1]] = pairs[i];
        }
        return table;
    }
}
