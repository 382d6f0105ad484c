package org.flowscore.labels;

import org.flowscore.flow.CommunityId;
import org.flowscore.flow.Connection;
import org.flowscore.flow.FlowKey;
import org.flowscore.flow.SourceFormat;
import org.flowscore.flow.Traffic;
import org.flowscore.flow.Transport;

/** Connections made by hand for labelling tests, with their real Community ID. */
final class SiteConnections {
    private SiteConnections() {
    }

    /** A one-second Zeek TCP connection starting at {@code startMicros}. */
    static Connection zeek(String uid, String src, int sport, String dst, int dport, long startMicros) {
        return connection(uid, FlowKey.of(src, sport, dst, dport, Transport.TCP), startMicros, SourceFormat.ZEEK_TSV);
    }

    /** A one-second Suricata TCP flow, its flow_id as record id. */
    static Connection suricata(String flowId, String src, int sport, String dst, int dport, long startMicros) {
        return connection(flowId, FlowKey.of(src, sport, dst, dport, Transport.TCP), startMicros,
                SourceFormat.SURICATA_EVE);
    }

    private static Connection connection(String id, FlowKey key, long startMicros, SourceFormat format) {
        return new Connection(startMicros, 1_000_000, id, key, null, new Traffic(100, 3, 260),
                new Traffic(200, 3, 360), 0, "SF", "ShADadFf", null, null, 0, false, new CommunityId(0).of(key), format,
                "test", null);
    }
}
