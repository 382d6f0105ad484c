package org.flowscore.simulate;

import org.flowscore.flow.Traffic;

/**
 * How Zeek sums up one TCP connection: its state, history and what each side sent.
 *
 * @param state   Zeek {@code conn_state}
 * @param history Zeek {@code history}
 * @param orig    what the originator sent
 * @param resp    what the responder sent
 */
record TcpShape(String state, String history, Traffic orig, Traffic resp) {
    /** IPv4 header plus a TCP header with the timestamp option most stacks put on every segment. */
    static final int HEADERS = 52;
    /** A SYN as raw scanners send it: IPv4 and TCP headers plus the 4-byte MSS option. */
    static final int SCANNER_SYN = 44;
    /** A bare RST or RST-ACK: IPv4 and TCP headers, no options. */
    static final int BARE = 40;
    /** Payload bytes of a full-size segment on a 1500-byte MTU path with timestamps. */
    static final int SEGMENT_PAYLOAD = 1448;

    /** One raw SYN, no answer: a filtered port, an absent host, a spoofed source. */
    static TcpShape unanswered() {
        return new TcpShape("S0", "S", new Traffic(0, 1, SCANNER_SYN), Traffic.NONE);
    }

    /** SYN answered by RST-ACK: a closed port on a live host. */
    static TcpShape rejected() {
        return new TcpShape("REJ", "Sr", new Traffic(0, 1, SCANNER_SYN), new Traffic(0, 1, BARE));
    }

    /** SYN, SYN-ACK, then the scanner's RST instead of the final ACK: an open port under a SYN scan. */
    static TcpShape halfOpen() {
        return new TcpShape("RSTO", "ShR", new Traffic(0, 2, SCANNER_SYN + BARE), new Traffic(0, 1, SCANNER_SYN));
    }

    /** A side that sent {@code payload} bytes in {@code packets} segments, each with {@link #HEADERS}. */
    static Traffic side(long payload, long packets) {
        return new Traffic(payload, packets, payload + packets * HEADERS);
    }
}
