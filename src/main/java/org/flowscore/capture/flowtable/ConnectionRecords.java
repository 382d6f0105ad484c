package org.flowscore.capture.flowtable;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.flowscore.flow.CommunityId;
import org.flowscore.flow.Connection;
import org.flowscore.flow.FlowKey;
import org.flowscore.flow.LocalNetworks;
import org.flowscore.flow.SourceFormat;
import org.flowscore.flow.Traffic;
import org.flowscore.flow.Transport;

/** Turns a finished tracked connection into the pipeline's {@link Connection} record. */
public final class ConnectionRecords {
    private final String sensor;
    private final CommunityId communityId;
    private final LocalNetworks localNetworks;

    public ConnectionRecords(String sensor, CommunityId communityId) {
        this(sensor, communityId, LocalNetworks.defaults());
    }

    /** @param localNetworks the site's ranges, which set each end's local flag as Zeek's do */
    public ConnectionRecords(String sensor, CommunityId communityId, LocalNetworks localNetworks) {
        this.sensor = sensor;
        this.communityId = communityId;
        this.localNetworks = localNetworks;
    }

    Connection toConnection(TrackedConnection c) {
        Transport transport = Transport.fromIpProto(c.ipProto);
        FlowKey key = new FlowKey(text(c.origAddress), c.origPort, text(c.respAddress), c.respPort, transport,
                c.ipProto);
        String community = communityId.of(key);
        long duration = c.lastMicros - c.startMicros;
        // Zeek's conn.log leaves orig_bytes/resp_bytes unset (read as 0) for a connection of zero duration, such
        // as a single packet; the same here keeps features equal whichever produced the connection.
        boolean timed = duration > 0;
        Traffic orig = new Traffic(timed ? c.payload(c.orig) : 0, c.orig.packets, c.orig.ipBytes);
        Traffic resp = new Traffic(timed ? c.payload(c.resp) : 0, c.resp.packets, c.resp.ipBytes);
        // Start time and Community ID identify a connection across runs over the same packets.
        String recordId = "P" + Long.toString(c.startMicros, 36) + "-" + community;
        return new Connection(c.startMicros, duration, recordId, key, null, orig, resp, 0,
                c.connState(), c.history.text(), localNetworks.contains(key.sourceIp()),
                localNetworks.contains(key.destinationIp()), 0, false, community, SourceFormat.PCAP, sensor, null);
    }

    /** IPv6 in the compressed form Zeek and Suricata write ({@code fe80::1}), so documents agree across sources. */
    static String text(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (b[2 * i] & 0xff) << 8 | b[2 * i + 1] & 0xff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }
}
