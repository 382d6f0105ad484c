package org.flowscore.sink;

import org.flowscore.model.ModelInfo;
import org.flowscore.model.ScoredFlow;

/**
 * The one place a scored flow becomes what outputs write: its ECS documents (through {@link EcsDocuments}) and
 * its CSV row (through {@link ScoredCsv}), as far as the outputs need them. One instance per thread.
 */
public final class Renderer {
    private final Renditions needs;
    private final EcsDocuments documents;
    private final ScoredCsv csv;

    public Renderer(ModelInfo model, double threshold, Renditions needs) {
        this.needs = needs;
        this.documents = new EcsDocuments(model, threshold);
        this.csv = new ScoredCsv(model.featureSet());
    }

    public RenderedFlow render(ScoredFlow flow) {
        String id = needs.events() || needs.alerts() ? documents.id(flow) : null;
        EcsDocuments.Documents docs = id == null ? null : documents.render(flow, id, needs.alerts());
        String row = needs.csv() ? csv.row(flow) : null;
        return new RenderedFlow(flow, needs.alerts() ? id : null, docs == null ? null : docs.event(),
                docs == null ? null : docs.alert(), row);
    }
}
