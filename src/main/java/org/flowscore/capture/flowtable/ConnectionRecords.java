package org.flowscore.capture.flowtable;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
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
        return new Connection(c.startMicros, duration, recordId(c.startMicros, community), key, null, orig, resp, 0,
                c.connState(), c.history.text(), localNetworks.contains(key.sourceIp()),
                localNetworks.contains(key.destinationIp()), 0, false, community, SourceFormat.PCAP, sensor, null,
                List.copyOf(c.tunnelParents));
    }

    /** The id the connection will be emitted under, known from its first packet on. */
    String recordId(TrackedConnection c) {
        Transport transport = Transport.fromIpProto(c.ipProto);
        return recordId(c.startMicros, communityId.of(new FlowKey(text(c.origAddress), c.origPort,
                text(c.respAddress), c.respPort, transport, c.ipProto)));
    }

    /** Start time and Community ID identify a connection across runs over the same packets. */
    private static String recordId(long startMicros, String community) {
        return "P" + Long.toString(startMicros, 36) + "-" + community;
    }

    /**
     * An IP tunnel's id: the Community ID of its address pair and outer protocol, the same whichever way a
     * packet goes and on every run, as Zeek keeps one tunnel per address pair.
     */
    String ipTunnelId(InetAddress a, InetAddress b, int ipProto) {
        return "T" + communityId.of(new FlowKey(text(a), 0, text(b), 0, Transport.fromIpProto(ipProto), ipProto));
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
