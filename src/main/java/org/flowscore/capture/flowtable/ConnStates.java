package org.flowscore.capture.flowtable;

/** Zeek's {@code conn_state} from the two endpoints' states (the rules of Zeek's conn/main.zeek). */
final class ConnStates {
    private ConnStates() {
    }

    static String tcp(Endpoint orig, Endpoint resp, long origPayload, long respPayload, String history) {
        TcpState os = orig.state;
        TcpState rs = resp.state;
        if (rs == TcpState.RESET) {
            if (os == TcpState.SYN_SENT || os == TcpState.SYN_ACK_SENT
                    || os == TcpState.RESET && origPayload == 0 && respPayload == 0) {
                return "REJ";
            }
            return os.inactive() ? "RSTRH" : "RSTR";
        }
        if (os == TcpState.RESET) {
            if (rs.inactive()) {
                return history != null && history.matches("\\^?S[^HAFGIQ]*R.*") ? "RSTOS0" : "OTH";
            }
            return "RSTO";
        }
        if (rs == TcpState.CLOSED && os == TcpState.CLOSED) {
            return "SF";
        }
        if (os == TcpState.CLOSED) {
            return rs.inactive() ? "SH" : "S2";
        }
        if (rs == TcpState.CLOSED) {
            return os.inactive() ? "SHR" : "S3";
        }
        if (os == TcpState.SYN_SENT && rs == TcpState.INACTIVE) {
            return "S0";
        }
        if (os == TcpState.ESTABLISHED && rs == TcpState.ESTABLISHED) {
            return "S1";
        }
        return "OTH";
    }

    static String udp(Endpoint orig, Endpoint resp) {
        if (orig.packets > 0) {
            return resp.packets > 0 ? "SF" : "S0";
        }
        return resp.packets > 0 ? "SHR" : "OTH";
    }
}
