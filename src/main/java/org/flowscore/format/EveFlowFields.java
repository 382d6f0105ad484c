package org.flowscore.format;

import org.flowscore.flow.TcpFlags;
import java.time.DateTimeException;
import java.util.Locale;
import java.util.Map;
import org.flowscore.flow.Connection;
import org.flowscore.flow.FlowKey;
import org.flowscore.flow.GroundTruth;
import org.flowscore.flow.SourceFormat;
import org.flowscore.flow.SuricataConnState;
import org.flowscore.flow.Traffic;
import org.flowscore.flow.Transport;

/**
 * The values one EVE event carries that a connection needs, collected in one pass whatever the key order,
 * then turned into a {@link Connection}. Reused event after event by one reader: call {@link #reset()}.
 *
 * <p>Byte counts: Suricata counts whole frames, so IP bytes are {@code bytes - 14 * pkts} and the payload
 * estimate further takes off one IP header (20, or 40 for IPv6) and one transport header (TCP 32 as with the
 * usual timestamp option, UDP/ICMP 8, SCTP 12, other 0) per packet, both clamped at 0. A TCP connection whose
 * derived state shows no completed handshake gets payload 0 on both sides: no data can have flowed, and the
 * estimate would otherwise count SYN padding and options as payload.
 *
 * <p>A bad value is remembered, not reported at once: only flow and netflow events use these fields, and the
 * event type may come after them, so an alert with an odd {@code flow} object must still count as an alert.
 */
final class EveFlowFields {
    static final int ABSENT = -1;

    /** Ethernet header Suricata includes in every packet's length. */
    private static final int ETHERNET_HEADER = 14;
    /** TCP header with the timestamp option most stacks send on every segment. */
    private static final int TCP_HEADER = 32;
    private static final int UDP_HEADER = 8;
    private static final int ICMP_HEADER = 8;
    private static final int SCTP_COMMON_HEADER = 12;

    /**
     * Suricata names a protocol it knows by its IANA keyword and any other by its number. Transport knows only
     * the common ones; these keep the number, and so the Community ID, right for the rest seen in practice.
     */
    private static final Map<String, Integer> OTHER_PROTOCOL_NUMBERS = Map.ofEntries(
            Map.entry("igmp", 2), Map.entry("ipv4", 4), Map.entry("ipip", 4), Map.entry("ipv6", 41),
            Map.entry("gre", 47), Map.entry("esp", 50), Map.entry("ah", 51), Map.entry("ospf", 89),
            Map.entry("ospfigp", 89), Map.entry("pim", 103), Map.entry("vrrp", 112), Map.entry("l2tp", 115),
            Map.entry("udplite", 136));

    String eventType;
    /** Set when {@code event_type} was there but not a string. */
    String eventTypeProblem;
    String flowId;
    String srcIp;
    String destIp;
    int srcPort;
    int destPort;
    String proto;
    int icmpType;
    int icmpCode;
    String appProto;
    /** Suricata 7 and 8 name each direction's protocol when the two differ or only one was detected. */
    String appProtoToServer;
    String appProtoToClient;
    long pktsToServer;
    long pktsToClient;
    long bytesToServer;
    long bytesToClient;
    String start;
    String end;
    /** The same counts and times outside the {@code flow} object; {@link #ABSENT} or null when not there. */
    long rootPktsToServer;
    long rootPktsToClient;
    long rootBytesToServer;
    long rootBytesToClient;
    String rootStart;
    String rootEnd;
    long bypassedPktsToServer;
    long bypassedPktsToClient;
    long bypassedBytesToServer;
    long bypassedBytesToClient;
    /** Whether the {@code flow} object gave each count; a top-level one is used only where it did not. */
    boolean flowGaveCounts;
    long netflowPkts;
    long netflowBytes;
    String netflowStart;
    String netflowEnd;
    int tcpFlags;
    int tcpFlagsTs;
    int tcpFlagsTc;
    boolean urg;
    /** Ground truth, as {@code flowscore simulate} writes it; Suricata itself never does. */
    String label;
    String detailedLabel;

    private SkipReason error;
    private String errorDetail;

    void reset() {
        eventType = eventTypeProblem = flowId = srcIp = destIp = proto = appProto = label = detailedLabel = null;
        appProtoToServer = appProtoToClient = null;
        start = end = netflowStart = netflowEnd = rootStart = rootEnd = null;
        rootPktsToServer = rootPktsToClient = rootBytesToServer = rootBytesToClient = ABSENT;
        bypassedPktsToServer = bypassedPktsToClient = bypassedBytesToServer = bypassedBytesToClient = 0;
        srcPort = destPort = ABSENT;
        icmpType = icmpCode = 0;
        pktsToServer = pktsToClient = bytesToServer = bytesToClient = netflowPkts = netflowBytes = 0;
        tcpFlags = tcpFlagsTs = tcpFlagsTc = ABSENT;
        flowGaveCounts = false;
        urg = false;
        error = null;
        errorDetail = null;
    }

    /** Notes that the {@code flow} object carries the counts, and passes the count on. */
    long flowCount(long count) {
        flowGaveCounts = true;
        return count;
    }

    /** Keeps the first bad value; it matters only if the event turns out to be a connection. */
    void fail(SkipReason reason, String detail) {
        if (error == null) {
            error = reason;
            errorDetail = detail;
        }
    }

    LineOutcome outcome(ReaderContext context) {
        if (eventType == null) {
            return new LineOutcome.Skipped(SkipReason.MISSING_FIELD,
                    eventTypeProblem != null ? eventTypeProblem : "no event_type");
        }
        boolean netflow = eventType.equals("netflow");
        if (!netflow && !eventType.equals("flow")) {
            return new LineOutcome.NotAConnection(eventType);
        }
        if (error != null) {
            return new LineOutcome.Skipped(error, errorDetail);
        }
        return build(context, netflow);
    }

    private LineOutcome build(ReaderContext context, boolean netflow) {
        String section = netflow ? "netflow" : "flow";
        String startText = netflow ? netflowStart : start != null ? start : rootStart;
        String endText = netflow ? netflowEnd : end != null ? end : rootEnd;
        if (!netflow) {
            addTopLevelAndBypassedCounts();
        }
        if (srcIp == null) {
            return missing("src_ip");
        }
        if (destIp == null) {
            return missing("dest_ip");
        }
        if (proto == null) {
            return missing("proto");
        }
        if (startText == null) {
            return missing(section + ".start");
        }
        long startMicros;
        long endMicros;
        try {
            startMicros = Timestamps.isoToMicros(startText);
        } catch (DateTimeException | ArithmeticException e) {
            return badTimestamp(section + ".start '" + EveText.cut(startText) + "'");
        }
        try {
            endMicros = endText == null ? startMicros : Timestamps.isoToMicros(endText);
        } catch (DateTimeException | ArithmeticException e) {
            return badTimestamp(section + ".end '" + EveText.cut(endText) + "'");
        }
        if (endMicros < startMicros) {
            return badTimestamp(section + ".end '" + EveText.cut(endText) + "' is before " + section + ".start");
        }

        Transport transport = transport(proto);
        int ipProto = transport != Transport.OTHER ? transport.ipProto() : otherProtocolNumber(proto);
        int sourcePort;
        int destinationPort;
        if (transport.isIcmp()) {
            sourcePort = icmpType;
            destinationPort = icmpCode;
        } else if (transport == Transport.TCP || transport == Transport.UDP || transport == Transport.SCTP) {
            // A zero port would silently give a wrong Community ID; Suricata always writes both for these.
            if (srcPort == ABSENT) {
                return missing("src_port");
            }
            if (destPort == ABSENT) {
                return missing("dest_port");
            }
            sourcePort = srcPort;
            destinationPort = destPort;
        } else {
            sourcePort = Math.max(srcPort, 0);
            destinationPort = Math.max(destPort, 0);
        }
        FlowKey key = new FlowKey(srcIp, sourcePort, destIp, destinationPort, transport, ipProto);

        // A netflow event is one direction: its own flags are the "originator" flags and nothing came back.
        int ts = netflow ? (tcpFlagsTs != ABSENT ? tcpFlagsTs : tcpFlags) : tcpFlagsTs;
        int tc = netflow ? 0 : tcpFlagsTc;
        ts = Math.max(ts, 0);
        tc = Math.max(tc, 0);
        long respPackets = netflow ? 0 : pktsToClient;
        String connState = SuricataConnState.of(transport, ts, tc, respPackets);

        boolean noPayload = transport == Transport.TCP && (netflow
                // One direction cannot show the handshake; a sender that never set ACK never completed one.
                ? (ts & TcpFlags.ACK) == 0
                : SuricataConnState.handshakeNeverCompleted(connState, tc));
        int headers = ipHeader(srcIp) + l4Header(transport);
        Traffic orig = netflow ? traffic(netflowBytes, netflowPkts, headers, noPayload)
                : traffic(bytesToServer, pktsToServer, headers, noPayload);
        Traffic resp = netflow ? Traffic.NONE : traffic(bytesToClient, pktsToClient, headers, noPayload);

        int allFlags = Math.max(tcpFlags, 0) | ts | tc;
        int urgentPackets = urg || (allFlags & TcpFlags.URG) != 0 ? 1 : 0;

        String communityId;
        try {
            communityId = context.communityId().of(key);
        } catch (IllegalArgumentException e) {
            return new LineOutcome.Skipped(SkipReason.BAD_ADDRESS,
                    "src_ip '" + EveText.cut(srcIp) + "' or dest_ip '" + EveText.cut(destIp) + "'");
        }
        return new LineOutcome.Parsed(new Connection(startMicros, endMicros - startMicros, flowId, key,
                service(), orig, resp, 0, connState, null, context.isLocal(srcIp), context.isLocal(destIp),
                urgentPackets, true, communityId,
                SourceFormat.SURICATA_EVE, context.sensor(),
                label == null ? null : new GroundTruth(label, detailedLabel)));
    }

    /**
     * Suricata writes the counts inside {@code flow}; where an event carries them at the top level instead
     * (flattened by a shipper), those are used. Bypassed packets add to either.
     */
    private void addTopLevelAndBypassedCounts() {
        pktsToServer = orTopLevel(pktsToServer, rootPktsToServer) + bypassedPktsToServer;
        pktsToClient = orTopLevel(pktsToClient, rootPktsToClient) + bypassedPktsToClient;
        bytesToServer = orTopLevel(bytesToServer, rootBytesToServer) + bypassedBytesToServer;
        bytesToClient = orTopLevel(bytesToClient, rootBytesToClient) + bypassedBytesToClient;
    }

    private long orTopLevel(long inFlow, long topLevel) {
        return flowGaveCounts || topLevel == ABSENT ? inFlow : topLevel;
    }

    private static Transport transport(String proto) {
        Transport byName = Transport.fromName(proto);
        if (byName != Transport.OTHER) {
            return byName;
        }
        int number = number(proto);
        return number >= 0 ? Transport.fromIpProto(number) : Transport.OTHER;
    }

    private static int otherProtocolNumber(String proto) {
        int number = number(proto);
        if (number >= 0) {
            return number;
        }
        return OTHER_PROTOCOL_NUMBERS.getOrDefault(proto.toLowerCase(Locale.ROOT), 0);
    }

    /** Suricata writes an unnamed protocol as zero-padded decimal ({@code "047"}). */
    private static int number(String s) {
        if (s.isEmpty() || s.length() > 3) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n <= 255 ? n : -1;
    }

    /**
     * Suricata counts whole frames, Ethernet header included: the IP bytes take that off, the payload
     * estimate also takes off the IP and transport headers every packet carries.
     */
    private static Traffic traffic(long frameBytes, long packets, int headersPerPacket, boolean noPayload) {
        long ipBytes = minusPerPacket(frameBytes, packets, ETHERNET_HEADER);
        long payload = noPayload ? 0 : minusPerPacket(ipBytes, packets, headersPerPacket);
        return new Traffic(payload, packets, ipBytes);
    }

    /** {@code bytes - packets * perPacket}, at least 0, without overflow for absurd counts. */
    private static long minusPerPacket(long bytes, long packets, int perPacket) {
        if (perPacket == 0) {
            return bytes;
        }
        if (packets > bytes / perPacket) {
            return 0;
        }
        return bytes - packets * perPacket;
    }

    private static int ipHeader(String address) {
        return address.indexOf(':') >= 0 ? 40 : 20;
    }

    private static int l4Header(Transport transport) {
        return switch (transport) {
            case TCP -> TCP_HEADER;
            case UDP -> UDP_HEADER;
            case ICMP, ICMPV6 -> ICMP_HEADER;
            case SCTP -> SCTP_COMMON_HEADER;
            case OTHER -> 0;
        };
    }

    /**
     * The detected protocol: {@code app_proto}, or when that says nothing, what one direction detected
     * ({@code app_proto_ts}, then {@code app_proto_tc}). Suricata 7 names HTTP/1 {@code http1} in places where
     * 6 and the logs' readers say {@code http}.
     */
    private String service() {
        String detected = detected(appProto);
        if (detected == null) {
            detected = detected(appProtoToServer);
        }
        if (detected == null) {
            detected = detected(appProtoToClient);
        }
        return "http1".equals(detected) ? "http" : detected;
    }

    /** {@code failed} (flow events) and {@code unknown} (netflow events) both mean nothing was detected. */
    private static String detected(String appProto) {
        if (appProto == null || appProto.equals("failed") || appProto.equals("unknown") || appProto.isEmpty()) {
            return null;
        }
        return appProto.toLowerCase(Locale.ROOT);
    }

    private static LineOutcome missing(String field) {
        return new LineOutcome.Skipped(SkipReason.MISSING_FIELD, "no " + field);
    }

    private static LineOutcome badTimestamp(String detail) {
        return new LineOutcome.Skipped(SkipReason.BAD_TIMESTAMP, detail);
    }
}
