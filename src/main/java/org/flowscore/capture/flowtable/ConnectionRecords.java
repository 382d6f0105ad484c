package org.flowscore.capture.flowtable;

import org.flowscore.flow.CommunityId;
import org.flowscore.flow.Connection;
import org.flowscore.flow.FlowKey;
import org.flowscore.flow.SourceFormat;
import org.flowscore.flow.Traffic;
import org.flowscore.flow.Transport;

/** Turns a finished tracked connection into the pipeline's {@link Connection} record. */
public final class ConnectionRecords {
    private final String sensor;
    private final CommunityId communityId;

    public ConnectionRecords(String sensor, CommunityId communityId) {
        this.sensor = sensor;
        this.communityId = communityId;
    }

    Connection toConnection(TrackedConnection c) {
        Transport transport = Transport.fromIpProto(c.ipProto);
        FlowKey key = new FlowKey(c.origAddress.getHostAddress(), c.origPort, c.respAddress.getHostAddress(),
                c.respPort, transport, c.ipProto);
        String community = communityId.of(key);
        Traffic orig = new Traffic(c.payload(c.orig), c.orig.packets, c.orig.ipBytes);
        Traffic resp = new Traffic(c.payload(c.resp), c.resp.packets, c.resp.ipBytes);
        // Start time and Community ID identify a connection across runs over the same packets.
        String recordId = "P" + Long.toString(c.startMicros, 36) + "-" + community;
        return new Connection(c.startMicros, c.lastMicros - c.startMicros, recordId, key, null, orig, resp, 0,
                c.connState(), c.history.text(), null, null, 0, false, community, SourceFormat.PCAP, sensor, null);
    }
}
