package org.flowscore.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flowscore.allowlist.Allowlist;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.model.Model;
import org.flowscore.model.ModelBundle;
import org.flowscore.read.ReadOptions;
import org.flowscore.runtime.BatchRun;
import org.flowscore.sink.FlowOutput;
import org.flowscore.sink.RenderedFlow;
import org.flowscore.sink.Renditions;
import org.flowscore.source.InputFile;
import org.flowscore.source.InputResolver;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two rita-missing-host days (70,440 connections of an Internet-facing host, mostly background scanning),
 * scored with the shipped model and rendered as for Elasticsearch: grouped alerts are at least twenty times fewer
 * documents than one per flagged flow, and every flagged flow still reaches its group by the id it carries.
 */
class AlertGroupsOnRitaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Model model;
    private static List<InputFile> days;

    @BeforeAll
    static void load() throws Exception {
        model = ModelBundle.readNamed("default");
        days = InputResolver.resolve(List.of(SharedData.require("zeek/rita-missing-host").toString()));
    }

    /** Counts what an Elasticsearch output would be given, keeping no document. */
    private static final class Counted implements FlowOutput {
        long flagged;
        long perFlowAlerts;
        final Set<String> groupsOfFlaggedFlows = new HashSet<>();
        final Set<String> groupDocumentIds = new HashSet<>();
        long flowsInGroupDocuments;

        @Override
        public Renditions needs() {
            return new Renditions(true, true, false);
        }

        @Override
        public void write(RenderedFlow flow, Acknowledgement stored) {
            if (flow.flow().attack()) {
                flagged++;
                if (flow.marks().alertGroup() != null) {
                    groupsOfFlaggedFlows.add(flow.marks().alertGroup());
                }
            }
            perFlowAlerts += flow.alert() != null ? 1 : 0;
            stored.acknowledged();
        }

        @Override
        public void alert(String id, String document, Acknowledgement stored) {
            groupDocumentIds.add(id);
            try {
                flowsInGroupDocuments += JSON.readTree(document).at("/flowscore/alert/group/flows").asLong();
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
            stored.acknowledged();
        }

        @Override
        public void flush() {
        }

        @Override
        public void finish() {
        }
    }

    private static Counted run(AlertMode mode) throws Exception {
        Counted counted = new Counted();
        BatchRun.run(days, ReadOptions.defaults(), model, model.threshold(), new AlertingOutput(counted,
                AlertSettings.of(mode, Duration.ofMinutes(5)), () -> Allowlist.EMPTY), 2);
        return counted;
    }

    @Test
    void groupedAlertsAreTwentyTimesFewerAndEveryFlaggedFlowReachesItsGroup() throws Exception {
        Counted perFlow = run(AlertMode.PER_FLOW);
        Counted grouped = run(AlertMode.GROUPED);
        assertEquals(perFlow.flagged, perFlow.perFlowAlerts, "one per-flow alert per flagged flow");
        assertTrue(perFlow.perFlowAlerts > 50_000, "the shipped model flags most of the scanning");
        int groups = grouped.groupDocumentIds.size();
        assertTrue(perFlow.perFlowAlerts >= 20L * groups,
                perFlow.perFlowAlerts + " per-flow alert documents against " + groups + " alert group documents");
        assertEquals(0, grouped.perFlowAlerts, "no flow has an alert copy of its own");
        Set<String> unreachable = new HashSet<>(grouped.groupsOfFlaggedFlows);
        unreachable.removeAll(grouped.groupDocumentIds);
        assertEquals(Set.of(), unreachable, "group ids of flagged flows that name no group document");
        assertEquals(grouped.groupDocumentIds, grouped.groupsOfFlaggedFlows, "and no group without a flow");
        assertEquals(grouped.flagged, grouped.flowsInGroupDocuments, "every flagged flow counted in exactly one"
                + " document written (a late one in a second document of its group)");
    }
}
