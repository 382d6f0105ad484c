package org.flowscore.flow;

/** Transport protocol of a connection, with the IANA protocol number Community ID hashes. */
public enum Transport {
    TCP(6, "tcp"),
    UDP(17, "udp"),
    ICMP(1, "icmp"),
    ICMPV6(58, "ipv6-icmp"),
    SCTP(132, "sctp"),
    OTHER(-1, "other");

    private final int ipProto;
    private final String ecsName;

    Transport(int ipProto, String ecsName) {
        this.ipProto = ipProto;
        this.ecsName = ecsName;
    }

    /** IANA protocol number, or -1 for {@link #OTHER} (the connection then carries its own number). */
    public int ipProto() {
        return ipProto;
    }

    /** Lower-case name as ECS {@code network.transport} writes it. */
    public String ecsName() {
        return ecsName;
    }

    public boolean isIcmp() {
        return this == ICMP || this == ICMPV6;
    }

    /**
     * Parses a protocol name as Zeek ({@code tcp}, {@code icmp}) or Suricata ({@code TCP}, {@code IPv6-ICMP})
     * writes it. Unknown names give {@link #OTHER}.
     */
    public static Transport fromName(String name) {
        if (name == null) {
            return OTHER;
        }
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "tcp" -> TCP;
            case "udp" -> UDP;
            case "icmp" -> ICMP;
            case "icmp6", "icmpv6", "ipv6-icmp" -> ICMPV6;
            case "sctp" -> SCTP;
            default -> OTHER;
        };
    }

    public static Transport fromIpProto(int proto) {
        for (Transport t : values()) {
            if (t.ipProto == proto) {
                return t;
            }
        }
        return OTHER;
    }
}
