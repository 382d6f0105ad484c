package org.flowscore.sink;

import java.io.IOException;
import org.flowscore.flow.Acknowledgement;

/**
 * Where scored flows go: Elasticsearch, an NDJSON or CSV file, or several at once ({@link Tee}). The one
 * contract every output keeps: take a flow with its source's handle, call the handle exactly once when the
 * flow is stored for good, and say when everything taken is.
 */
public interface FlowOutput {

    /** The renderings it writes, so the renderer makes those and nothing else. */
    Renditions needs();

    /**
     * Takes a flow and calls {@code stored} exactly once when it is stored for good: acknowledged by
     * Elasticsearch (indexed, already there, or dead-lettered), or in a file that was flushed. May block while
     * the destination is behind, which holds back the reading.
     */
    void write(RenderedFlow flow, Acknowledgement stored);

    /** Makes what was written durable where that is a step of its own (a file's flush), and acknowledges it. */
    void flush() throws IOException;

    /** Flushes and waits until everything taken is acknowledged (or failed for good). */
    void finish() throws IOException;
}
