package org.flowscore.sink;

import java.io.IOException;
import java.util.List;
import org.flowscore.flow.Acknowledgement;

/** Several outputs as one: every flow goes to each, and is acknowledged once all of them stored it. */
public final class Tee implements FlowOutput {
    private final List<FlowOutput> outputs;
    private final Renditions needs;

    public Tee(List<FlowOutput> outputs) {
        this.outputs = List.copyOf(outputs);
        this.needs = this.outputs.stream().map(FlowOutput::needs).reduce(Renditions.NONE, Renditions::and);
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
