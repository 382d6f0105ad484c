package org.flowscore.sink;

import org.flowscore.model.ModelInfo;
import org.flowscore.model.ScoredFlow;

/**
 * The one place a scored flow becomes what outputs write: its marks (through the outputs' {@link FlowMarker}),
 * its ECS documents (through {@link EcsDocuments}) and its CSV row (through {@link ScoredCsv}), as far as the
 * outputs need them. One instance per thread.
 */
public final class Renderer {
    private final Renditions needs;
    private final EcsDocuments documents;
    private final ScoredCsv csv;
    private final FlowMarker marker;

    public Renderer(ModelInfo model, double threshold, Renditions needs, FlowMarker marker) {
        this.needs = needs;
        this.marker = marker;
        this.documents = new EcsDocuments(model, threshold);
        this.csv = new ScoredCsv(model.featureSet());
    }

    public RenderedFlow render(ScoredFlow flow) {
        FlowMarks marks = marker.marks(flow);
        String id = needs.events() || needs.alerts() ? documents.id(flow) : null;
        EcsDocuments.Documents docs = id == null ? null : documents.render(flow, id, needs.alerts(), marks);
        String row = needs.csv() ? csv.row(flow) : null;
        return new RenderedFlow(flow, id, docs == null ? null : docs.event(), docs == null ? null : docs.alert(), row,
                marks);
    }
}
