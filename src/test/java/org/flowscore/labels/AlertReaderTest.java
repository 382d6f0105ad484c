package org.flowscore.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flowscore.flow.CommunityId;
import org.flowscore.flow.FlowKey;
import org.flowscore.flow.Transport;
import org.flowscore.source.InputFile;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suricata alert events read from real EVE files (counts from jq over the same files) and broken lines. */
class AlertReaderTest {
    @TempDir
    Path tmp;

    private static List<SuricataAlert> read(Path file, AlertReader.Read[] result) throws Exception {
        List<SuricataAlert> alerts = new ArrayList<>();
        result[0] = AlertReader.read(new InputFile(file), new CommunityId(0), alerts::add);
        return alerts;
    }

    @Test
    void slipsTest6HasItsAlertsWithSignatureCategoryAndSeverity() throws Exception {
        AlertReader.Read[] r = new AlertReader.Read[1];
        List<SuricataAlert> alerts = read(SharedData.require("suricata/slips-test6/eve.json"), r);
        assertEquals(745, alerts.size());
        assertEquals(745, r[0].alerts());
        assertEquals(0, r[0].unreadable());
        // The file's first alert (line 8): a CINS reputation hit on an inbound SMB probe.
        SuricataAlert first = alerts.getFirst();
        assertEquals("1374195536821504", first.flowId());
        assertEquals(2403388, first.signatureId());
        assertEquals("ET CINS Active Threat Intelligence Poor Reputation IP group 89", first.signature());
        assertEquals("Misc Attack", first.category());
        assertEquals(2, first.severity());
        assertEquals("Misc Attack, severity 2", first.detail());
        assertEquals("78.36.196.213", first.sourceIp());
        assertEquals(1_622_987_986_457_984L, first.timeMicros(), "flow.start 2021-06-06T15:59:46.457984+0200");
        assertEquals(new CommunityId(0).of(FlowKey.of("78.36.196.213", 51698, "192.168.1.129", 445, Transport.TCP)),
                first.communityId());
        assertFalse(first.informational());
        assertEquals(131, alerts.stream().filter(a -> a.signatureId() == 2010935).count(), "the MSSQL scans");
    }

    @Test
    void zeusDecoderEventsHaveNoFlowIdAndEveryAlertIsInformational() throws Exception {
        AlertReader.Read[] r = new AlertReader.Read[1];
        List<SuricataAlert> alerts = read(SharedData.require("pcap/zeus-suricata/eve.json"), r);
        assertEquals(656, alerts.size());
        assertEquals(34, alerts.stream().filter(a -> a.flowId() == null).count());
        assertTrue(alerts.stream().allMatch(SuricataAlert::informational), "all severity 3");
        assertEquals("uncategorised, severity 3", alerts.stream().filter(a -> a.signatureId() == 100004).findFirst()
                .orElseThrow().detail());
    }

    @Test
    void anUnreadableAlertLineIsCountedAndNamedAndReadingGoesOn() throws Exception {
        Path eve = tmp.resolve("eve.json");
        Files.writeString(eve, String.join("\n",
                "{\"event_type\":\"flow\",\"flow_id\":1}",
                "{\"event_type\":\"alert\",\"flow_id\":2,\"timestamp\":\"yesterday\",\"alert\":{\"signature_id\":9}}",
                "{\"event_type\":\"alert\",\"flow_id\":3,",
                "{\"event_type\":\"alert\",\"flow_id\":4,\"timestamp\":\"2024-04-19T10:00:00Z\","
                        + "\"src_ip\":\"10.0.0.1\",\"alert\":{\"signature_id\":7,\"signature\":\"ET INFO x\"}}",
                ""));
        AlertReader.Read[] r = new AlertReader.Read[1];
        List<SuricataAlert> alerts = read(eve, r);
        assertEquals(1, alerts.size());
        assertEquals(2, r[0].unreadable());
        assertTrue(r[0].firstProblem().startsWith("line 2: timestamp 'yesterday'"), r[0].firstProblem());
        SuricataAlert a = alerts.getFirst();
        assertEquals(3, a.severity(), "no severity: Suricata's default priority");
        assertNull(a.communityId(), "no destination, no protocol");
        assertTrue(a.informational(), "an ET INFO rule");
    }
}
