package org.flowscore.sink;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.flowscore.flow.Acknowledgement;

/**
 * Several outputs as one: every flow and alert document goes to each, and is acknowledged once all of them stored
 * it. At most one of them may mark flows (an alert output is put in front of a tee, not inside it).
 */
public final class Tee implements FlowOutput {
    private final List<FlowOutput> outputs;
    private final Renditions needs;
    private final FlowMarker marker;

    public Tee(List<FlowOutput> outputs) {
        this.outputs = List.copyOf(outputs);
        this.needs = this.outputs.stream().map(FlowOutput::needs).reduce(Renditions.NONE, Renditions::and);
        List<FlowMarker> markers = this.outputs.stream().map(FlowOutput::marker)
                .filter(m -> m != FlowMarker.NONE).toList();
        if (markers.size() > 1) {
            throw new IllegalArgumentException("two outputs of one tee mark flows; a flow has one set of marks");
        }
        this.marker = markers.isEmpty() ? FlowMarker.NONE : markers.getFirst();
    }

    @Override
    public Renditions needs() {
        return needs;
    }

    @Override
    public void write(RenderedFlow flow, Acknowledgement stored) {
        if (outputs.isEmpty()) {
            stored.acknowledged();
            return;
        }
        Acknowledgement each = Acknowledgement.after(outputs.size(), stored);
        for (FlowOutput output : outputs) {
            output.write(flow, each);
        }
    }

    @Override
    public FlowMarker marker() {
        return marker;
    }

    @Override
    public void alert(String id, String document, Acknowledgement stored) {
        if (outputs.isEmpty()) {
            stored.acknowledged();
            return;
        }
        Acknowledgement each = Acknowledgement.after(outputs.size(), stored);
        for (FlowOutput output : outputs) {
            output.alert(id, document, each);
        }
    }

    @Override
    public void endOfInput() {
        outputs.forEach(FlowOutput::endOfInput);
    }

    @Override
    public void caughtUp(Instant now) {
        for (FlowOutput output : outputs) {
            output.caughtUp(now);
        }
    }

    @Override
    public void flush() throws IOException {
        for (FlowOutput output : outputs) {
            output.flush();
        }
    }

    @Override
    public void finish() throws IOException {
        for (FlowOutput output : outputs) {
            output.finish();
        }
    }
}
