package org.flowscore.simulate;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.flowscore.flow.Connection;

/**
 * The addresses attacks use. Inside: the busiest internal (RFC 1918) client and server of the background
 * traffic, so attacks hit hosts that are really in the replayed logs; without background, a made-up
 * 192.168.1.0/24. Outside: attackers, command-and-control and drop hosts in the documentation ranges
 * TEST-NET-2 (198.51.100.0/24) and TEST-NET-3 (203.0.113.0/24), which no real host uses.
 *
 * @param client   internal workstation: the infected host that sweeps, beacons and exfiltrates
 * @param server   internal server: target of the port scan, the flood and the brute force
 * @param subnet   first three octets of the client's /24, with the trailing dot ({@code 192.168.1.})
 * @param scanner  external port scanner
 * @param guesser  external password guesser
 * @param c2       external command-and-control host the beacon calls
 * @param drop     external host exfiltrated data goes to
 */
public record Network(String client, String server, String subnet, String scanner, String guesser, String c2,
                      String drop) {
    private static final String DEFAULT_SUBNET = "192.168.1.";
    private static final String TEST_NET_2 = "198.51.100.";
    private static final String TEST_NET_3 = "203.0.113.";

    /** Derives the roles from the background connections (which may be none), picking outsiders with {@code rng}. */
    public static Network of(List<List<Connection>> background, SplittableRandom rng) {
        Map<String, Integer> originators = new HashMap<>();
        Map<String, Integer> responders = new HashMap<>();
        for (List<Connection> stream : background) {
            for (Connection c : stream) {
                if (c.localOrig() != null ? c.localOrig() : isInternal(c.key().sourceIp())) {
                    originators.merge(c.key().sourceIp(), 1, Integer::sum);
                }
                if (c.localResp() != null ? c.localResp() : isInternal(c.key().destinationIp())) {
                    responders.merge(c.key().destinationIp(), 1, Integer::sum);
                }
            }
        }
        String client = busiest(originators);
        if (client == null) {
            client = busiest(responders);
        }
        String subnet = client == null ? DEFAULT_SUBNET : client.substring(0, client.lastIndexOf('.') + 1);
        if (client == null) {
            client = subnet + "23";
        }
        String server = busiest(responders);
        if (server == null || server.equals(client)) {
            server = subnet + (client.equals(subnet + "10") ? "20" : "10");
        }
        int a = 2 + rng.nextInt(120);
        int b = 130 + rng.nextInt(120);
        return new Network(client, server, subnet, TEST_NET_3 + a, TEST_NET_2 + a, TEST_NET_3 + b, TEST_NET_2 + b);
    }

    /** One line for the run's summary: who attacks whom. */
    public String describe() {
        return "client " + client + ", server " + server + ", scanner " + scanner + ", guesser " + guesser + ", c2 "
                + c2 + ", drop " + drop;
    }

    /**
     * Whether an address is inside: RFC 1918, or the client's /16 (a network with public addresses, as a campus
     * has, is local to its own sensor).
     */
    boolean isLocal(String ip) {
        if (isInternal(ip) || ip.equals(server)) {
            return true;
        }
        int second = client.indexOf('.', client.indexOf('.') + 1);
        return second > 0 && ip.startsWith(client.substring(0, second + 1));
    }

    /** RFC 1918 IPv4: what Zeek's {@code Site::local_nets} holds by default. */
    public static boolean isInternal(String ip) {
        if (ip.startsWith("10.") || ip.startsWith("192.168.")) {
            return true;
        }
        if (ip.startsWith("172.")) {
            int dot = ip.indexOf('.', 4);
            if (dot > 4) {
                try {
                    int second = Integer.parseInt(ip, 4, dot, 10);
                    return second >= 16 && second <= 31;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }

    private static String busiest(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().indexOf(':') < 0)
                .min(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey)
                .orElse(null);
    }
}
