package org.flowscore.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flowscore.alerts.AlertSettings;
import org.flowscore.alerts.AlertingOutput;
import org.flowscore.allowlist.Allowlist;
import org.flowscore.features.ExtendedSettings;
import org.flowscore.features.FeatureExtractor;
import org.flowscore.features.FeatureSettings;
import org.flowscore.features.FeaturedConnection;
import org.flowscore.features.KddSchema;
import org.flowscore.features.ServiceTable;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.model.Calibration;
import org.flowscore.model.ModelInfo;
import org.flowscore.model.ScoredFlow;
import org.flowscore.model.score.Contribution;
import org.flowscore.sink.EcsDocuments;
import org.flowscore.sink.Renderer;
import org.flowscore.sink.Renditions;

/**
 * The ECS documents flowscore writes for real connections of the shared data, scored by a stand-in model:
 * every other flow is an attack with a score of 0.9 and an explanation, the rest are normal at 0.1.
 */
public final class ScoredDocuments {
    private ScoredDocuments() {
    }

    /** A document and its id, as the sink would write them. */
    public record Document(String id, String json) {
    }

    public static ModelInfo model() {
        return new ModelInfo(1, "test-model", "1", "random-forest", "6.2.5", "0.1.0", KddSchema.NAMES, Map.of(),
                FeatureSettings.defaults(), 0.5, "test", "0".repeat(64), List.of(), 0, 0, List.of(), Map.of(),
                Map.of(), ExtendedSettings.defaults(), new Calibration("0123456789ab", 0.4, "1.0 alerts per day",
                        "0".repeat(64), List.of("site/"), 1000, 1.0, 1, Map.of("beacon", 1.0)), null);
    }

    /** The documents of a file under the shared data folder, e.g. {@code zeek/zat-2013-tsv/conn.log}. */
    public static List<Document> of(String sharedFile) {
        List<FeaturedConnection> featured = featured(sharedFile);
        EcsDocuments docs = new EcsDocuments(model(), 0.5);
        List<Document> out = new ArrayList<>();
        for (int i = 0; i < featured.size(); i++) {
            ScoredFlow flow = standIn(featured.get(i), i);
            String id = docs.id(flow);
            out.add(new Document(id, new String(docs.render(flow, id, false).event(), StandardCharsets.UTF_8)));
        }
        return out;
    }

    /**
     * The documents of a file through the alert output in front, scored as {@link #of}: its flow events, marked by
     * the allowlist and the alert rules, then its alert group documents (grouped, five-minute windows).
     */
    public static List<String> alerted(String sharedFile, Allowlist allowlist) {
        HeldOutput stored = new HeldOutput(new Renditions(true, true, false), i -> true);
        AlertingOutput output = new AlertingOutput(stored, AlertSettings.DEFAULT, () -> allowlist);
        Renderer renderer = new Renderer(model(), 0.5, output.needs(), output.marker());
        List<FeaturedConnection> featured = featured(sharedFile);
        for (int i = 0; i < featured.size(); i++) {
            output.write(renderer.render(standIn(featured.get(i), i)), Acknowledgement.NONE);
        }
        output.endOfInput();
        List<String> documents = new ArrayList<>(stored.events());
        stored.alerts().forEach(a -> documents.add(a.document()));
        return documents;
    }

    /** The stand-in model's verdict on the {@code i}th connection of a file. */
    private static ScoredFlow standIn(FeaturedConnection fc, int i) {
        boolean attack = i % 2 == 0;
        return new ScoredFlow(fc, attack ? 0.9 : 0.1, attack,
                attack ? List.of(new Contribution("count", "12", 0.2)) : List.of());
    }

    /** The connections of a file under the shared data folder with the 41 and the extended features. */
    public static List<FeaturedConnection> featured(String sharedFile) {
        List<FeaturedConnection> featured = new ArrayList<>();
        FeatureExtractor x = new FeatureExtractor(FeatureSettings.defaults(), ExtendedSettings.defaults(),
                ServiceTable.bundled(), featured::add);
        Reading.read(SharedData.require(sharedFile)).connections().forEach(x);
        x.flush();
        return featured;
    }
}
