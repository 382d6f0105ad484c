package org.flowscore.capture.flowtable;

/**
 * What one side of a connection sent, and for TCP where it stands: state and sequence space. Sequence numbers
 * are unwrapped into 64 bits relative to the first one seen, so payload sizes survive a wrap.
 */
final class Endpoint {
    long packets;
    long ipBytes;
    /** UDP and ICMP payload, summed; TCP payload comes from the sequence space instead. */
    long summedPayload;

    TcpState state = TcpState.INACTIVE;
    TcpState previousState = TcpState.INACTIVE;
    boolean sawFin;

    private boolean sequenceKnown;
    private long lastRaw;
    private long lastFull;
    /** First payload octet's position: after the SYN, or the first packet's sequence number when no SYN was seen. */
    private long dataStart;
    /** One past the highest sequence position seen, a FIN's octet included (as Zeek's {@code last_seq}). */
    private long dataEnd;
    /** Highest position the peer acknowledged, in this endpoint's sequence space. */
    private long peerAcked = Long.MIN_VALUE;

    int historySeen;
    long lastSynSeq = -1;
    long lastFinSeq = -1;
    long lastRstSeq = -1;
    long retransmissions;
    long zeroWindows;

    void setState(TcpState next) {
        if (next != state) {
            previousState = state;
            state = next;
        }
    }

    /** Records a segment: returns its first payload octet's position in the unwrapped sequence space. */
    long segment(long seq, boolean syn, boolean fin, int payloadLength) {
        if (!sequenceKnown) {
            sequenceKnown = true;
            lastRaw = seq;
            lastFull = 0;
            dataStart = syn ? 1 : 0;
            dataEnd = dataStart;
        }
        long start = unwrap(seq) + (syn ? 1 : 0);
        dataEnd = Math.max(dataEnd, start + payloadLength + (fin ? 1 : 0));
        return start;
    }

    /** Highest payload position seen so far (for retransmission checks before {@link #segment}). */
    long dataEnd() {
        return dataEnd;
    }

    boolean sequenceKnown() {
        return sequenceKnown;
    }

    void peerAcknowledged(long rawAck) {
        if (sequenceKnown) {
            long full = (int) (rawAck - lastRaw) + lastFull;
            peerAcked = Math.max(peerAcked, full);
        }
    }

    /**
     * Payload octets by sequence numbers, as Zeek's {@code TCP_Endpoint::Size}: the highest position reached
     * (or acknowledged by the peer, which covers segments the capture missed) less the first. A SYN answered only
     * by a reset carries no data whatever its sequence numbers say.
     */
    long tcpPayload(Endpoint peer) {
        if (!sequenceKnown) {
            return 0;
        }
        if (previousState == TcpState.SYN_SENT && state == TcpState.RESET && peer.state == TcpState.INACTIVE) {
            return 0;
        }
        long end = dataEnd;
        if (peerAcked != Long.MIN_VALUE && peerAcked > end && peerAcked - end < (1L << 31)) {
            end = peerAcked;
        }
        // The FIN takes one sequence position but carries no payload.
        return Math.max(0, end - dataStart - (sawFin ? 1 : 0));
    }

    private long unwrap(long raw) {
        long full = lastFull + (int) (raw - lastRaw);
        if (full > lastFull) {
            lastFull = full;
            lastRaw = raw;
        }
        return full;
    }
}
