package org.flowscore.flow;

/**
 * The 5-tuple as the log wrote it: source is the originator (Zeek {@code id.orig_*}, Suricata
 * {@code src_*}). For ICMP the ports carry type (source) and code (destination), as Zeek and Community ID do.
 *
 * @param ipProto IANA protocol number (also set for {@link Transport#OTHER})
 */
public record FlowKey(String sourceIp, int sourcePort, String destinationIp, int destinationPort,
                      Transport transport, int ipProto) {

    public FlowKey {
        if (sourceIp == null || destinationIp == null || transport == null) {
            throw new IllegalArgumentException("a flow key needs both addresses and a transport");
        }
    }

    public static FlowKey of(String sourceIp, int sourcePort, String destinationIp, int destinationPort,
                             Transport transport) {
        return new FlowKey(sourceIp, sourcePort, destinationIp, destinationPort, transport, transport.ipProto());
    }
}
