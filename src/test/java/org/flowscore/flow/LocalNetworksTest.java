package org.flowscore.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalNetworksTest {
    private final LocalNetworks defaults = LocalNetworks.defaults();

    @Test
    void defaultsArePrivateSharedAndLinkLocalSpace() {
        for (String local : List.of("10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.1.109",
                "100.64.0.1", "100.127.255.254", "169.254.10.1", "fd00::1", "fc00::5", "fe80::1ff:fe23:4567:890a")) {
            assertTrue(defaults.contains(local), local);
        }
        for (String outside : List.of("8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1", "192.169.0.1",
                "147.32.81.167", "2001:db8::1", "fec0::1", "224.0.0.251", "not-an-address", "")) {
            assertFalse(defaults.contains(outside), outside);
        }
    }

    @Test
    void rangesOfOnesOwnAndSingleHosts() {
        LocalNetworks campus = LocalNetworks.parse(List.of(" 147.32.0.0/16", "2001:718::/32", "198.51.100.7"));
        assertTrue(campus.contains("147.32.81.167"));
        assertFalse(campus.contains("147.33.0.1"));
        assertTrue(campus.contains("2001:718:1:2::3"));
        assertFalse(campus.contains("2001:719::1"));
        assertTrue(campus.contains("198.51.100.7"));
        assertFalse(campus.contains("198.51.100.8"));
        assertFalse(campus.contains("10.0.0.1"), "the defaults are replaced, not extended");
        assertEquals(List.of("147.32.0.0/16", "2001:718::/32", "198.51.100.7"), campus.cidrs());
        assertTrue(LocalNetworks.parse(List.of("0.0.0.0/0")).contains("8.8.8.8"));
    }

    @Test
    void aBadRangeIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LocalNetworks.parse(List.of("10.0.0.0/8", "10.0.0.0/33")));
        assertEquals("'10.0.0.0/33': the prefix length must be 0-32", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LocalNetworks.parse(List.of("intranet")));
        assertTrue(e.getMessage().startsWith("'intranet' is not an address or a range"), e.getMessage());
    }

    @Test
    void theLogsOwnFlagsWinOverTheRanges() {
        FlowKey key = FlowKey.of("10.1.1.1", 40000, "10.2.2.2", 443, Transport.TCP);
        Connection unflagged = connection(key, null, null);
        assertEquals(Direction.INTERNAL, defaults.direction(unflagged));
        assertEquals(Direction.OUTBOUND, defaults.direction(connection(key, true, false)));
        assertEquals(Direction.INBOUND, defaults.direction(connection(key, false, true)));
        assertEquals(Direction.EXTERNAL, defaults.direction(connection(key, false, false)));
        assertEquals(Direction.EXTERNAL, LocalNetworks.parse(List.of("192.0.2.0/24")).direction(unflagged));
    }

    private static Connection connection(FlowKey key, Boolean localOrig, Boolean localResp) {
        return new Connection(0, 0, "C1", key, null, Traffic.NONE, Traffic.NONE, 0, "S0", "S", localOrig, localResp,
                0, false, "1:x", SourceFormat.ZEEK_TSV, "s", null);
    }
}
