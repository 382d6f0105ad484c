package org.flowscore.features;

import static org.flowscore.features.Runs.f;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.flowscore.flow.Connection;
import org.flowscore.flow.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Features 1–22, which depend on the connection alone. */
class ConnectionFeaturesTest {

    private static FeaturedConnection one(Conn conn) {
        return Runs.run(conn.build()).getFirst();
    }

    private static FeaturedConnection one(FeatureSettings settings, Conn conn) {
        return Runs.run(settings, conn.build()).getFirst();
    }

    @Test
    void basicFeaturesOfAnFtpDataTransfer() {
        FeaturedConnection fc = one(Conn.endingAt(5000).lasting(2_999_999).from("10.0.0.9", 20)
                .to("10.0.0.7", 51234).service("ftp-data").bytes(491, 0).urgent(2));
        KddFeatures k = fc.features();
        assertEquals(2, k.get("duration"));
        assertEquals("tcp", k.protocolType());
        assertEquals("ftp_data", k.service());
        assertEquals("SF", k.flag());
        assertEquals(491, k.get("src_bytes"));
        assertEquals(0, k.get("dst_bytes"));
        assertEquals(0, k.get("land"));
        assertEquals(0, k.get("wrong_fragment"));
        assertEquals(2, k.get("urgent"));
        // No responder payload: no session, so not logged in.
        for (int i = KddSchema.HOT; i <= KddSchema.IS_GUEST_LOGIN; i++) {
            assertEquals(0, k.get(i), KddSchema.NAMES.get(i));
        }
        assertEquals(3, f(one(Conn.endingAt(5000).lasting(3_000_000)), "duration"));
    }

    @Test
    void landNeedsTheSameAddressAndPortOnBothSides() {
        assertEquals(1, f(one(Conn.endingAt(0).from("10.0.0.1", 80).to("10.0.0.1", 80)), "land"));
        assertEquals(1, f(one(Conn.endingAt(0).from("10.0.0.1", 53).to("10.0.0.1", 53).transport(Transport.UDP)),
                "land"));
        assertEquals(0, f(one(Conn.endingAt(0).from("10.0.0.1", 81).to("10.0.0.1", 80)), "land"));
        assertEquals(0, f(one(Conn.endingAt(0).from("10.0.0.2", 80).to("10.0.0.1", 80)), "land"));
        // ICMP type 8 and code 8 are not ports.
        assertEquals(0, f(one(Conn.endingAt(0).from("10.0.0.1", 8).to("10.0.0.1", 8).transport(Transport.ICMP)),
                "land"));
    }

    @ParameterizedTest(name = "{0} -> {1}, service {2}")
    @CsvSource({
            "TCP, tcp, private", "UDP, udp, private", "ICMP, icmp, eco_i", "ICMPV6, icmp, other",
            "SCTP, udp, private", "OTHER, udp, other"})
    void protocolTypeOfEveryTransport(Transport transport, String protocol, String service) {
        KddFeatures k = one(Conn.endingAt(0).from("10.0.0.9", 8).to("10.0.0.1", 0).transport(transport)).features();
        assertEquals(protocol, k.protocolType());
        assertEquals(service, k.service());
        assertEquals("SF", k.flag());
    }

    @Test
    void icmpFlagFollowsTheSetting() {
        Conn ping = Conn.endingAt(0).from("10.0.0.9", 8).to("10.0.0.1", 0).transport(Transport.ICMP).state("OTH");
        assertEquals("SF", one(ping).features().flag());
        assertEquals("OTH", one(FeatureSettings.defaults().withNonTcpAsSf(false), ping).features().flag());
    }

    @ParameterizedTest(name = "{0} {1} {2} resp={3} -> {4}")
    @CsvSource(nullValues = "null", value = {
            "TCP, SF, http, 1000, 1",
            "TCP, S1, http, 1000, 1",
            "TCP, S2, ssh, 10, 1",
            "TCP, S3, ssh, 10, 1",
            "TCP, RSTO, http, 10, 1",
            "TCP, RSTR, http, 10, 1",
            "TCP, RSTRH, http, 10, 1",
            "TCP, SF, 'ssl,http', 10, 1",
            "TCP, SF, http, 0, 0",
            "TCP, SF, null, 1000, 0",
            "TCP, SF, failed, 1000, 0",
            "TCP, SF, -, 1000, 0",
            "TCP, SF, '', 1000, 0",
            "TCP, REJ, http, 1000, 0",
            "TCP, S0, http, 1000, 0",
            "TCP, SH, http, 1000, 0",
            "TCP, OTH, http, 1000, 0",
            "UDP, SF, dns, 100, 0"})
    void loggedInMeansADetectedSessionWithAnAnswer(Transport transport, String state, String service,
                                                   long resp, int expected) {
        Connection c = Conn.endingAt(0).transport(transport).state(state).service(service).bytes(50, resp).build();
        assertEquals(expected, f(Runs.run(c).getFirst(), "logged_in"));
    }
}
