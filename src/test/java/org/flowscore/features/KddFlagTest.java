package org.flowscore.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.flowscore.flow.Connection;
import org.flowscore.flow.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KddFlagTest {
    private static final KddFlag KDD = new KddFlag(true);
    private static final KddFlag ZEEK_STATES = new KddFlag(false);

    private static Connection conn(Transport transport, String state) {
        return Conn.endingAt(0).transport(transport).state(state).build();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "S0, S0", "S1, S1", "SF, SF", "REJ, REJ", "S2, S2", "S3, S3", "RSTO, RSTO", "RSTR, RSTR",
            "RSTOS0, RSTOS0", "SH, SH", "OTH, OTH", "RSTRH, RSTR", "SHR, OTH"})
    void everyZeekTcpState(String zeek, String kdd) {
        assertEquals(kdd, KDD.name(conn(Transport.TCP, zeek)));
        assertEquals(kdd, ZEEK_STATES.name(conn(Transport.TCP, zeek)));
    }

    @Test
    void missingOrUnknownTcpStateIsOth() {
        assertEquals("OTH", KDD.name(conn(Transport.TCP, null)));
        assertEquals("OTH", KDD.name(conn(Transport.TCP, "XYZ")));
        assertEquals("OTH", KDD.name(conn(Transport.TCP, "sf")));
    }

    @Test
    void nonTcpIsSfByDefault() {
        for (Transport t : List.of(Transport.UDP, Transport.ICMP, Transport.ICMPV6, Transport.SCTP, Transport.OTHER)) {
            for (String state : new String[] {"S0", "SHR", "OTH", null}) {
                assertEquals("SF", KDD.name(conn(t, state)), t + " " + state);
            }
        }
    }

    @Test
    void withoutTheKddConventionUdpKeepsItsStateAndIcmpIsOth() {
        assertEquals("S0", ZEEK_STATES.name(conn(Transport.UDP, "S0")));
        assertTrue(KddFlag.isSerror(ZEEK_STATES.index(conn(Transport.UDP, "S0"))));
        assertEquals("SF", ZEEK_STATES.name(conn(Transport.UDP, "SF")));
        assertEquals("OTH", ZEEK_STATES.name(conn(Transport.UDP, "SHR")));
        assertEquals("OTH", ZEEK_STATES.name(conn(Transport.UDP, null)));
        assertEquals("S0", ZEEK_STATES.name(conn(Transport.SCTP, "S0")));
        assertEquals("OTH", ZEEK_STATES.name(conn(Transport.ICMP, "SF")));
        assertEquals("OTH", ZEEK_STATES.name(conn(Transport.ICMPV6, "OTH")));
    }

    @Test
    void errorClassesUseTheMappedFlag() {
        for (String f : KddSchema.FLAGS) {
            int i = KddSchema.FLAGS.indexOf(f);
            assertEquals(List.of("S0", "S1", "S2", "S3").contains(f), KddFlag.isSerror(i), f);
            assertEquals(f.equals("REJ"), KddFlag.isRerror(i), f);
        }
        assertFalse(KddFlag.isSerror(KDD.index(conn(Transport.UDP, "S0"))));
        assertFalse(KddFlag.isRerror(KDD.index(conn(Transport.TCP, "RSTRH"))));
    }
}
