package org.flowscore.allowlist;

import java.util.Arrays;
import org.flowscore.flow.IpAddresses;

/**
 * One address or one range of them ({@code ADDRESS/PREFIX}), IPv4 or IPv6, as an allowlist entry names a side.
 *
 * @param text    what the entry said, for messages
 * @param network the range's first address, as bytes (4 or 16)
 * @param prefix  how many leading bits an address must share with it
 */
record AddressRange(String text, byte[] network, int prefix) {

    /** @throws IllegalArgumentException saying how a range is written */
    static AddressRange parse(String text) {
        String cidr = text.strip();
        IpAddresses.Cidr parsed = IpAddresses.parseCidr(cidr);
        return new AddressRange(cidr, masked(parsed.address(), parsed.prefix()), parsed.prefix());
    }

    /** Whether the address (its bytes, or null for what is not an address) lies in the range. */
    boolean contains(byte[] address) {
        return address != null && address.length == network.length && Arrays.equals(masked(address, prefix), network);
    }

    private static byte[] masked(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int bit = prefix; bit < out.length * 8; bit++) {
            out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return out;
    }

    @Override
    public String toString() {
        return text;
    }
}
