package org.flowscore.capture.flowtable;

/**
 * ICMP and ICMPv6 request/reply pairs. A message with a counterpart is keyed by (type, counterpart type) so the
 * reply lands in the request's connection; a one-way message by (type, code). Zeek keys ICMP the same way.
 */
final class IcmpTypes {
    private static final int[][] V4_PAIRS = {{8, 0}, {13, 14}, {15, 16}, {17, 18}, {10, 9}};
    private static final int[][] V6_PAIRS = {{128, 129}, {133, 134}, {135, 136}, {130, 131}};

    private IcmpTypes() {
    }

    /** The counterpart type, or -1 for a one-way message. */
    static int counterpart(int ipProto, int type) {
        for (int[] pair : ipProto == 58 ? V6_PAIRS : V4_PAIRS) {
            if (pair[0] == type) {
                return pair[1];
            }
            if (pair[1] == type) {
                return pair[0];
            }
        }
        return -1;
    }
}
