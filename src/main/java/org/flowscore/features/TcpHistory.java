package org.flowscore.features;

/**
 * What Zeek's {@code history} says about a TCP connection (upper case: originator, lower case: responder;
 * {@code S} SYN, {@code h} SYN-ACK, {@code R}/{@code r} reset), falling back on the {@code conn_state} when the
 * log has no history, as Suricata's flows have not.
 */
final class TcpHistory {
    private TcpHistory() {
    }

    /** The three-way handshake took place: a SYN from the originator answered by the responder's SYN-ACK. */
    static boolean handshake(String history, String state) {
        if (history != null && (history.indexOf('S') >= 0 || history.indexOf('h') >= 0)) {
            return history.indexOf('S') >= 0 && history.indexOf('h') >= 0;
        }
        return state != null && switch (state) {
            case "S1", "SF", "S2", "S3", "RSTO", "RSTR" -> true;
            default -> false;
        };
    }

    static boolean origReset(String history, String state) {
        if (history != null) {
            return history.indexOf('R') >= 0;
        }
        return "RSTO".equals(state) || "RSTOS0".equals(state);
    }

    static boolean respReset(String history, String state) {
        if (history != null) {
            return history.indexOf('r') >= 0;
        }
        return "REJ".equals(state) || "RSTR".equals(state) || "RSTRH".equals(state);
    }
}
