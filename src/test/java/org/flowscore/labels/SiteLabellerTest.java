package org.flowscore.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.flowscore.capture.PacketCapture;
import org.flowscore.capture.flowtable.ConnectionRecords;
import org.flowscore.capture.flowtable.FlowTable;
import org.flowscore.capture.flowtable.FlowTimeouts;
import org.flowscore.flow.CommunityId;
import org.flowscore.flow.Connection;
import org.flowscore.flow.GroundTruth;
import org.flowscore.flow.LocalNetworks;
import org.flowscore.format.ZeekTsvWriter;
import org.flowscore.labels.LabelCounts.Outcome;
import org.flowscore.labels.LabelCounts.Source;
import org.flowscore.labels.LabelPolicy.InformationalAlerts;
import org.flowscore.source.InputFile;
import org.flowscore.testing.Reading;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The site's word as labels, on real IDS output and by hand. The slips-test6 and zeus counts were worked out
 * with a short Python script over the same EVE files (flow_id joins, the reputation rule sets, severity 3 or
 * ET INFO/POLICY as informational).
 */
class SiteLabellerTest {
    private static final long T0 = 1_713_484_800_000_000L;

    @TempDir
    Path tmp;

    private static List<SuricataAlert> alerts(Path eve) throws Exception {
        List<SuricataAlert> alerts = new ArrayList<>();
        AlertReader.read(new InputFile(eve), new CommunityId(0), alerts::add);
        return alerts;
    }

    private static SiteLabeller labeller(List<SuricataAlert> alerts, LabelPolicy policy, boolean measuring) {
        return new SiteLabeller(alerts, List.of(), Allowlist.empty(), policy, LocalNetworks.defaults(), measuring);
    }

    private static List<GroundTruth> label(SiteLabeller labeller, List<Connection> connections) {
        return connections.stream().map(labeller::label).toList();
    }

    @Test
    void slipsTest6sAlertedFlowsBecomeAttacksByFlowId() throws Exception {
        Path eve = SharedData.require("suricata/slips-test6/eve.json");
        List<Connection> flows = Reading.read(eve).connections();
        assertEquals(3512, flows.size());
        SiteLabeller labeller = labeller(alerts(eve), LabelPolicy.defaults(), false);
        List<GroundTruth> truths = label(labeller, flows);
        LabelCounts counts = labeller.counts();
        assertEquals(366, counts.marked(Source.ALERT_FLOW_ID), "the flows with alerts");
        assertEquals(502, counts.marked(Source.THREAT_INTEL), "flows from 290 addresses on reputation lists");
        assertEquals(0, counts.marked(Source.ALERT_COMMUNITY_ID));
        assertEquals(533, counts.outcome(Outcome.ATTACK));
        assertEquals(4, counts.outcome(Outcome.INFORMATIONAL), "ET INFO and severity-3 scan detections only");
        assertEquals(2975, counts.outcome(Outcome.BENIGN));
        assertEquals(101, labeller.labellingSignatures().size());
        // A CINS reputation hit on an inbound RDP probe (line 43 of the file).
        int cins = flows.stream().map(Connection::recordId).toList().indexOf("590295307823973");
        assertEquals(new GroundTruth("Malicious", "Misc Attack, severity 2"), truths.get(cins));
        assertTrue(truths.stream().filter(GroundTruth::isAttack).map(GroundTruth::detail)
                .anyMatch("threat-intelligence source"::equals), "listed sources' flows that no alert names");
    }

    /**
     * The same flows as a Zeek conn.log (uids, no flow_id): the alerts find them by Community ID and the time their
     * flow started, all 366 (ten of their alerts carry the capture's first timestamp instead of their own).
     */
    @Test
    void alertsLabelZeekConnectionsByCommunityIdAndTime() throws Exception {
        Path eve = SharedData.require("suricata/slips-test6/eve.json");
        StringWriter text = new StringWriter();
        ZeekTsvWriter writer = new ZeekTsvWriter(text, false);
        writer.writeHeader("2021-06-06-15-57-37");
        for (Connection c : Reading.read(eve).connections()) {
            writer.write(c.withRecordId("C" + c.recordId()));
        }
        Path conn = tmp.resolve("conn.log");
        Files.writeString(conn, text.toString());
        List<Connection> zeek = Reading.read(conn).connections();
        SiteLabeller labeller = labeller(alerts(eve), LabelPolicy.defaults(), false);
        label(labeller, zeek);
        assertEquals(366, labeller.counts().marked(Source.ALERT_COMMUNITY_ID));
        assertEquals(0, labeller.counts().marked(Source.ALERT_FLOW_ID));
        assertEquals(533, labeller.counts().outcome(Outcome.ATTACK));
        assertEquals(2975, labeller.counts().outcome(Outcome.BENIGN));
    }

    /**
     * Zeus's alerts are all severity 3 (UDP, SSDP and checksum rules): by default their flows are left out; they
     * become attacks or benign as the policy says. Flows flowscore assembles from the same pcap are found by
     * Community ID and time as Suricata's own flows are by flow_id.
     */
    @Test
    void informationalAlertsFollowThePolicyOnZeus() throws Exception {
        Path dir = SharedData.require("pcap/zeus-suricata");
        List<SuricataAlert> alerts = alerts(dir.resolve("eve.json"));
        List<Connection> flows = Reading.read(dir.resolve("eve.json")).connections();
        assertEquals(205, flows.size());
        for (InformationalAlerts policy : InformationalAlerts.values()) {
            SiteLabeller labeller = labeller(alerts, LabelPolicy.of(policy, LabelPolicy.DEFAULT_THREAT_INTEL,
                    Set.of()), false);
            label(labeller, flows);
            LabelCounts c = labeller.counts();
            assertEquals(193, c.marked(Source.ALERT_FLOW_ID), policy.id());
            assertEquals(policy == InformationalAlerts.LEFT_OUT ? 193 : 0, c.outcome(Outcome.INFORMATIONAL));
            assertEquals(policy == InformationalAlerts.ATTACK ? 193 : 0, c.outcome(Outcome.ATTACK));
            assertEquals(policy == InformationalAlerts.BENIGN ? 205 : 12, c.outcome(Outcome.BENIGN));
        }
        // Suricata's timeouts (30 s for one-way UDP and ICMP), so that its flows and these are the same ones.
        FlowTimeouts suricata = FlowTimeouts.ZEEK.withInactivity(FlowTimeouts.ZEEK.tcp(), Duration.ofSeconds(30),
                Duration.ofSeconds(30));
        List<Connection> captured = new ArrayList<>();
        PacketCapture capture = new PacketCapture(new FlowTable(suricata,
                new ConnectionRecords("test", new CommunityId(0)), captured::add));
        capture.readFile(dir.resolve("zeus.pcapng"), null, () -> false);
        capture.finish();
        SiteLabeller labeller = labeller(alerts, LabelPolicy.of(InformationalAlerts.ATTACK,
                LabelPolicy.DEFAULT_THREAT_INTEL, Set.of()), false);
        label(labeller, captured);
        assertEquals(labeller.counts().outcome(Outcome.ATTACK), labeller.counts().marked(Source.ALERT_COMMUNITY_ID));
        assertEquals(193, labeller.counts().marked(Source.ALERT_COMMUNITY_ID),
                labeller.counts().marked(Source.ALERT_COMMUNITY_ID) + " of the pcap's connections");
    }

    private static SuricataAlert alert(String flowId, long time, String src, int sport, String dst, int dport,
                                       long sid, String signature, int severity) {
        return new SuricataAlert(flowId, time, src, new CommunityId(0).of(org.flowscore.flow.FlowKey.of(src, sport,
                dst, dport, org.flowscore.flow.Transport.TCP)), sid, signature, "Misc Attack", severity);
    }

    @Test
    void precedenceHeldOutSignaturesNoticesAndListedAddressesByHand() throws Exception {
        List<SuricataAlert> alerts = List.of(
                alert("1", T0, "203.0.113.5", 4000, "10.0.0.2", 22, 11, "ET SCAN ssh", 2),
                alert("1", T0, "203.0.113.5", 4000, "10.0.0.2", 22, 12, "ET EXPLOIT worse", 1),
                alert("2", T0, "203.0.113.6", 4001, "10.0.0.2", 80, 13, "ET CINS Poor Reputation IP group 1", 2),
                alert("3", T0, "10.0.0.7", 4002, "198.51.100.1", 443, 14, "ET DROP Spamhaus listed", 2),
                alert(null, T0 + 20_000_000, "203.0.113.9", 5000, "10.0.0.3", 25, 15, "ET SCAN smtp", 2));
        Path allow = tmp.resolve("allow.txt");
        Files.writeString(allow, "src=203.0.113.5 port=22  # our own pen test\n");
        List<Connection> connections = List.of(
                SiteConnections.suricata("1", "203.0.113.5", 4000, "10.0.0.2", 22, T0),
                SiteConnections.suricata("2", "203.0.113.6", 4001, "10.0.0.2", 80, T0),
                SiteConnections.zeek("Cx", "203.0.113.6", 4100, "10.0.0.4", 8080, T0 + 60_000_000),
                SiteConnections.zeek("Cy", "10.0.0.7", 4200, "198.51.100.2", 443, T0),
                SiteConnections.zeek("Cz", "203.0.113.9", 5000, "10.0.0.3", 25, T0),
                SiteConnections.zeek("Cn", "10.0.0.8", 6000, "10.0.0.9", 445, T0));
        List<ZeekNotice> notices = List.of(new ZeekNotice("Cn", "SMB::Lateral"));

        SiteLabeller plain = new SiteLabeller(alerts, notices, Allowlist.empty(), LabelPolicy.defaults(),
                LocalNetworks.defaults(), false);
        assertEquals(List.of(
                new GroundTruth("Malicious", "Misc Attack, severity 1"),
                new GroundTruth("Malicious", "Misc Attack, severity 2"),
                new GroundTruth("Malicious", "threat-intelligence source"),
                new GroundTruth("benign", null),
                new GroundTruth("benign", null),
                new GroundTruth("Malicious", "Zeek notice SMB::Lateral")), label(plain, connections),
                "the most severe alert names the flow; a listed address's other flows are attacks; a local address"
                        + " a block-list rule fired on is not taken as listed; an alert 19 s after a one-second"
                        + " connection is not its");
        assertEquals(Set.of("10.0.0.7"), plain.localListedSources());
        assertEquals(Set.of(11L, 12L, 13L), plain.labellingSignatures());

        SiteLabeller allowing = new SiteLabeller(alerts, notices, Allowlist.read(allow), LabelPolicy.defaults(),
                LocalNetworks.defaults(), false);
        assertEquals(new GroundTruth("benign", "allowlist line 1: our own pen test"),
                allowing.label(connections.getFirst()));

        LabelPolicy holdingOut13 = LabelPolicy.defaults().holdingOut(Set.of(13L));
        SiteLabeller training = new SiteLabeller(alerts, notices, Allowlist.empty(), holdingOut13,
                LocalNetworks.defaults(), false);
        SiteLabeller measuring = new SiteLabeller(alerts, notices, Allowlist.empty(), holdingOut13,
                LocalNetworks.defaults(), true);
        assertEquals(new GroundTruth("Unknown", "left out: held-out signatures"), training.label(connections.get(1)));
        assertEquals(new GroundTruth("Unknown", "left out: held-out signatures"), training.label(connections.get(2)),
                "listed only by the held-out signature");
        assertEquals(new GroundTruth("Malicious", SiteLabeller.HELD_OUT_LABEL), measuring.label(connections.get(2)));
        assertEquals(2, training.counts().outcome(Outcome.HELD_OUT));
    }
}
