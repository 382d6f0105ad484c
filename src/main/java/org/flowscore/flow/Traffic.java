package org.flowscore.flow;

/**
 * What one side of a connection sent.
 *
 * @param payloadBytes application payload (Zeek {@code orig_bytes}; estimated for Suricata, see
 *                     {@link Connection#payloadEstimated()})
 * @param packets      packets sent
 * @param ipBytes      bytes at the IP layer (Zeek {@code orig_ip_bytes}); 0 when the log does not say
 */
public record Traffic(long payloadBytes, long packets, long ipBytes) {
    public static final Traffic NONE = new Traffic(0, 0, 0);
}
