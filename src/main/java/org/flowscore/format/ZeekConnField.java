package org.flowscore.format;

import java.util.HashMap;
import java.util.Map;

/** The conn.log fields flowscore reads, by their Zeek names (TSV {@code #fields} and JSON keys alike). */
public enum ZeekConnField {
    TS("ts"),
    UID("uid"),
    ORIG_H("id.orig_h"),
    ORIG_P("id.orig_p"),
    RESP_H("id.resp_h"),
    RESP_P("id.resp_p"),
    PROTO("proto"),
    SERVICE("service"),
    DURATION("duration"),
    ORIG_BYTES("orig_bytes"),
    RESP_BYTES("resp_bytes"),
    CONN_STATE("conn_state"),
    LOCAL_ORIG("local_orig"),
    LOCAL_RESP("local_resp"),
    MISSED_BYTES("missed_bytes"),
    HISTORY("history"),
    ORIG_PKTS("orig_pkts"),
    ORIG_IP_BYTES("orig_ip_bytes"),
    RESP_PKTS("resp_pkts"),
    RESP_IP_BYTES("resp_ip_bytes"),
    IP_PROTO("ip_proto"),
    /** A set: the uids of the tunnels the connection was carried in, joined by {@code ,}. */
    TUNNEL_PARENTS("tunnel_parents"),
    LABEL("label"),
    DETAILED_LABEL("detailed-label");

    private static final Map<String, ZeekConnField> BY_NAME = new HashMap<>();

    static {
        for (ZeekConnField f : values()) {
            BY_NAME.put(f.zeekName, f);
        }
        BY_NAME.put("detailed_label", DETAILED_LABEL);
        // Stratosphere's labelled captures (CTU-Normal, the IDPS comparison days) name it without a separator.
        BY_NAME.put("detailedlabel", DETAILED_LABEL);
        // IoT-23 and Stratosphere tools write the label column capitalised in some releases.
        BY_NAME.put("Label", LABEL);
    }

    private final String zeekName;

    ZeekConnField(String zeekName) {
        this.zeekName = zeekName;
    }

    public String zeekName() {
        return zeekName;
    }

    /** The field for a Zeek column or key name, or null when flowscore does not use it. */
    public static ZeekConnField byName(String name) {
        return BY_NAME.get(name);
    }
}
