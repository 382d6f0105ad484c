package org.flowscore.allowlist;

import java.util.List;
import org.flowscore.flow.Connection;
import org.flowscore.flow.IpAddresses;

/** The entries of one allowlist file, in file order: a flow is marked with the first entry that covers it. */
public record Allowlist(List<AllowlistEntry> entries) {
    public static final Allowlist EMPTY = new Allowlist(List.of());

    public Allowlist {
        entries = List.copyOf(entries);
    }

    /** The first entry that covers the connection, or null. */
    public AllowlistEntry match(Connection c) {
        if (entries.isEmpty()) {
            return null;
        }
        byte[] source = IpAddresses.toBytesOrNull(c.key().sourceIp());
        byte[] destination = IpAddresses.toBytesOrNull(c.key().destinationIp());
        for (AllowlistEntry entry : entries) {
            if (entry.covers(c, source, destination)) {
                return entry;
            }
        }
        return null;
    }

    /** Entries that expired before {@code epochMicros}: still in the file, covering only older flows. */
    public long expiredBefore(long epochMicros) {
        return entries.stream().filter(e -> e.expiresEpochMicros() <= epochMicros).count();
    }
}
