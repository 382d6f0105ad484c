package org.flowscore.capture.flowtable;

import org.flowscore.flow.TcpFlags;

/**
 * Zeek's {@code history} letters: upper case for the originator, lower case for the responder. S SYN, H SYN-ACK,
 * A pure ACK, D payload, F FIN, R RST, Q SYN and FIN together, I FIN and RST together, T retransmission,
 * W zero window, ^ roles flipped. S/H/F/R repeat only for a new sequence number; T and W are written
 * again at the 10th, 100th, ... occurrence; the rest once per side.
 */
final class History {
    private static final int SYN = 1;
    private static final int FIN = 2;
    private static final int RST = 4;
    private static final int ACK = 8;
    private static final int DATA = 16;
    private static final int MULTI = 32;
    private static final int FIN_RST = 64;

    private final StringBuilder letters = new StringBuilder();

    void flipped() {
        letters.append('^');
    }

    void tcp(Endpoint side, boolean orig, PacketInfo p, long relativeSeq) {
        int controls = (p.has(TcpFlags.SYN) ? 1 : 0) + (p.has(TcpFlags.FIN) ? 1 : 0) + (p.has(TcpFlags.RST) ? 1 : 0);
        if (controls > 1) {
            if (p.has(TcpFlags.FIN) && p.has(TcpFlags.RST)) {
                once(side, orig, FIN_RST, 'I');
            } else {
                once(side, orig, MULTI, 'Q');
            }
        } else if (p.has(TcpFlags.SYN)) {
            char code = p.has(TcpFlags.ACK) ? 'H' : 'S';
            if (!once(side, orig, SYN, code) && relativeSeq != side.lastSynSeq) {
                add(orig, code);
            }
            side.lastSynSeq = relativeSeq;
        } else if (p.has(TcpFlags.FIN)) {
            long finSeq = relativeSeq + p.payloadLength();
            if (!once(side, orig, FIN, 'F') && finSeq != side.lastFinSeq) {
                add(orig, 'F');
            }
            side.lastFinSeq = finSeq;
        } else if (p.has(TcpFlags.RST)) {
            if (!once(side, orig, RST, 'R') && relativeSeq != side.lastRstSeq) {
                add(orig, 'R');
            }
            side.lastRstSeq = relativeSeq;
        } else if (p.payloadLength() > 0) {
            once(side, orig, DATA, 'D');
        } else if (p.has(TcpFlags.ACK)) {
            once(side, orig, ACK, 'A');
        }
    }

    void payload(Endpoint side, boolean orig) {
        once(side, orig, DATA, 'D');
    }

    void retransmission(Endpoint side, boolean orig) {
        side.retransmissions = scaled(side.retransmissions, orig, 'T');
    }

    void zeroWindow(Endpoint side, boolean orig) {
        side.zeroWindows = scaled(side.zeroWindows, orig, 'W');
    }

    /** Adds the letter the first time; true when it did. */
    private boolean once(Endpoint side, boolean orig, int bit, char letter) {
        if ((side.historySeen & bit) != 0) {
            return false;
        }
        side.historySeen |= bit;
        add(orig, letter);
        return true;
    }

    private long scaled(long count, boolean orig, char letter) {
        long next = count + 1;
        if (next == 1 || next == 10 || next == 100 || next == 1_000 || next == 10_000 || next == 100_000) {
            add(orig, letter);
        }
        return next;
    }

    private void add(boolean orig, char letter) {
        letters.append(orig ? letter : Character.toLowerCase(letter));
    }

    /** The letters so far, or null when there are none (Zeek writes {@code -}). */
    String text() {
        return letters.isEmpty() ? null : letters.toString();
    }
}
