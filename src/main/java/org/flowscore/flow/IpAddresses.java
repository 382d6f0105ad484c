package org.flowscore.flow;

import java.net.InetAddress;

/** IP address literals as bytes, without name lookups: a log's garbage must never reach a DNS server. */
public final class IpAddresses {
    private IpAddresses() {
    }

    /**
     * The 4 or 16 bytes of an IPv4 or IPv6 literal.
     *
     * @throws IllegalArgumentException when {@code ip} is not an address literal
     */
    public static byte[] toBytes(String ip) {
        byte[] v4 = parseIpv4(ip);
        if (v4 != null) {
            return v4;
        }
        if (ip.indexOf(':') < 0) {
            throw new IllegalArgumentException("not an IP address: '" + ip + "'");
        }
        InetAddress a = InetAddress.ofLiteral(ip);
        return a.getAddress();
    }

    /** An address range: its address's bytes (4 or 16) and how many leading bits of them make the range. */
    public record Cidr(byte[] address, int prefix) {
    }

    /**
     * Parses {@code ADDRESS/PREFIX}, or a bare address as the one-host range.
     *
     * @throws IllegalArgumentException saying how a range is written
     */
    public static Cidr parseCidr(String cidr) {
        int slash = cidr.indexOf('/');
        byte[] address = toBytesOrNull(slash < 0 ? cidr : cidr.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("'" + cidr + "' is not an address or a range: write e.g. 192.0.2.7,"
                    + " 10.0.0.0/8 or 2001:db8::/32");
        }
        int bits = address.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("'" + cidr + "': the prefix length must be 0-" + bits);
        }
        return new Cidr(address, prefix);
    }

    /** The bytes of {@code ip}, or null when it is not an address literal. */
    public static byte[] toBytesOrNull(String ip) {
        try {
            return toBytes(ip);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * True for IPv4 multicast (224.0.0.0/4) and the limited broadcast 255.255.255.255, and IPv6 multicast
     * (ff00::/8): destinations nobody answers as a peer, where mDNS, SSDP and DHCP chatter goes.
     */
    public static boolean isMulticastOrBroadcast(String ip) {
        if (ip.indexOf(':') >= 0) {
            return ip.length() >= 2 && (ip.charAt(0) == 'f' || ip.charAt(0) == 'F')
                    && (ip.charAt(1) == 'f' || ip.charAt(1) == 'F');
        }
        int dot = ip.indexOf('.');
        if (dot <= 0 || dot > 3) {
            return false;
        }
        int first = 0;
        for (int i = 0; i < dot; i++) {
            char c = ip.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            first = first * 10 + (c - '0');
        }
        return first >= 224 && first <= 239 || ip.equals("255.255.255.255");
    }

    /** An IPv4 literal as an unsigned 32-bit number, or -1 when {@code s} is not one; allocates nothing. */
    public static long ipv4(String s) {
        long address = 0;
        int parts = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return -1;
                }
            } else if (c == '.' && digits > 0 && parts < 3) {
                address = address << 8 | value;
                parts++;
                value = 0;
                digits = 0;
            } else {
                return -1;
            }
        }
        return parts == 3 && digits > 0 ? address << 8 | value : -1;
    }

    private static byte[] parseIpv4(String s) {
        byte[] out = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && part < 3) {
                out[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        if (part != 3 || digits == 0) {
            return null;
        }
        out[3] = (byte) value;
        return out;
    }
}
