package org.flowscore.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowscore.features.FeatureSet;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.testing.HeldOutput;
import org.junit.jupiter.api.Test;

/** The output contract kept by the file output and the tee: each flow acknowledged once, when stored. */
class FlowOutputsTest {
    private static final RenderedFlow FLOW = new RenderedFlow(null, "id",
            "{\"event\":1}".getBytes(StandardCharsets.UTF_8), null, "1,2,3",
            FlowMarks.NONE);

    private static final class Counted implements Acknowledgement {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void acknowledged() {
            calls.incrementAndGet();
        }
    }

    @Test
    void aFileAcknowledgesWhatItHoldsOnlyOnceFlushed() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        FileOutput output = FileOutput.ndjson(file);
        Counted first = new Counted();
        Counted second = new Counted();
        output.write(FLOW, first);
        output.write(FLOW, second);
        assertEquals(0, first.calls.get() + second.calls.get(), "still in a buffer");
        output.flush();
        assertEquals(1, first.calls.get());
        assertEquals(1, second.calls.get());
        output.finish();
        assertEquals(1, first.calls.get(), "once, however often it is flushed");
        assertEquals("{\"event\":1}\n{\"event\":1}\n", file.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCsvFileStartsWithItsHeaderAndAsksForRowsOnly() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        FileOutput output = FileOutput.csv(file, FeatureSet.NSL_KDD);
        assertEquals(new Renditions(false, false, true), output.needs());
        output.write(FLOW, Acknowledgement.NONE);
        output.finish();
        String[] lines = file.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(ScoredCsv.header(FeatureSet.NSL_KDD), lines[0]);
        assertEquals("1,2,3", lines[1]);
    }

    @Test
    void aTeeAcknowledgesOnceEveryOutputHasInWhateverOrder() {
        HeldOutput es = new HeldOutput(new Renditions(true, true, false), i -> false);
        HeldOutput file = new HeldOutput(new Renditions(false, false, true), i -> false);
        Tee tee = new Tee(List.of(es, file));
        assertEquals(new Renditions(true, true, true), tee.needs(), "what any of them needs");
        Counted a = new Counted();
        Counted b = new Counted();
        tee.write(FLOW, a);
        tee.write(FLOW, b);
        file.release(1);
        es.release(0);
        assertEquals(0, a.calls.get() + b.calls.get(), "each waits for the other output");
        es.release(1);
        assertEquals(1, b.calls.get());
        file.release(0);
        assertEquals(1, a.calls.get());
    }

    @Test
    void aTeeWhoseOutputNeverAcknowledgesNeverAcknowledges() throws Exception {
        HeldOutput gone = new HeldOutput(new Renditions(true, false, false), i -> false);
        Tee tee = new Tee(List.of(HeldOutput.acknowledging(), gone));
        Counted a = new Counted();
        tee.write(FLOW, a);
        tee.finish();
        assertEquals(0, a.calls.get());
        assertEquals(1, gone.finishes(), "finish reaches every output");
    }

    @Test
    void aTeeOfNothingAcknowledgesAtOnce() {
        Counted a = new Counted();
        Tee none = new Tee(List.of());
        none.write(FLOW, a);
        assertEquals(1, a.calls.get());
        assertTrue(none.needs().equals(Renditions.NONE));
    }
}
