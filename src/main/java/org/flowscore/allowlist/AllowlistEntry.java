package org.flowscore.allowlist;

import java.util.Locale;
import org.flowscore.flow.Connection;
import org.flowscore.flow.FlowKey;

/**
 * One allowlist entry: the flows it covers are those that meet every condition it gives (an entry with a source
 * and a destination is a source–destination pair) and started before it expires.
 *
 * @param id                 what flows it covers are marked with ({@code flowscore.allowlist.id})
 * @param comment            why the traffic is wanted: required, so nobody has to guess later
 * @param source             the originator's address or range, or null for any
 * @param destination        the responder's address or range, or null for any
 * @param port               the responder's port (connections with ports only, not ICMP), or null for any
 * @param service            a service the sensor detected (Zeek's {@code service}, Suricata's {@code app_proto}),
 *                           lower case, or null for any
 * @param expiresEpochMicros flows that start at or after this are no longer covered; {@link Long#MAX_VALUE} for never
 * @param line               the line of the file the entry starts on, for messages
 */
public record AllowlistEntry(String id, String comment, AddressRange source, AddressRange destination, Integer port,
                             String service, long expiresEpochMicros, int line) {

    /** The entry as a label detail and in a model's record: {@code allowlist entry ID: comment}. */
    public String describe() {
        return "allowlist entry " + id + ": " + comment;
    }

    /** Whether the entry covers the connection; {@code sourceBytes} and {@code destinationBytes} are its addresses. */
    boolean covers(Connection c, byte[] sourceBytes, byte[] destinationBytes) {
        FlowKey k = c.key();
        return c.startMicros() < expiresEpochMicros
                && (source == null || source.contains(sourceBytes))
                && (destination == null || destination.contains(destinationBytes))
                && (port == null || !c.transport().isIcmp() && k.destinationPort() == port)
                && (service == null || detected(c.service(), service));
    }

    /** Zeek lists every service it recognised, comma-separated ({@code ssl,http}); any of them counts. */
    private static boolean detected(String services, String wanted) {
        if (services == null) {
            return false;
        }
        for (String s : services.split(",")) {
            if (s.strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
