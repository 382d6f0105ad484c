package org.flowscore.capture.flowtable;

/** One TCP endpoint's state, as Zeek's TCP analyzer tracks it ({@code TCP_ENDPOINT_*}). */
enum TcpState {
    INACTIVE,
    SYN_SENT,
    SYN_ACK_SENT,
    /** Traffic seen without the opening SYN: the connection was under way before capture began. */
    PARTIAL,
    ESTABLISHED,
    CLOSED,
    RESET;

    boolean inactive() {
        return this == INACTIVE || this == PARTIAL;
    }
}
