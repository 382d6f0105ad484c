package org.flowscore.sink;

import java.io.IOException;
import java.time.Instant;
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

    /** How flows are marked before they are rendered for it (allowlist, alert kind and group); by default not. */
    default FlowMarker marker() {
        return FlowMarker.NONE;
    }

    /**
     * Takes an alert document that stands for several flows (an alert group) and, as {@link #write} does for a
     * flow, calls {@code stored} once when it is stored for good. An output without an alert stream (a file)
     * has nothing to store and acknowledges it at once.
     */
    default void alert(String id, String document, Acknowledgement stored) {
        stored.acknowledged();
    }

    /**
     * The input ended (not a stop): an output that holds flows back until later ones arrive (alert groups waiting
     * for their window to close) writes what it holds. {@link #finish} alone never forces that out, so a daemon
     * that stops leaves it unacknowledged, to be read again and rebuilt whole on the next start.
     */
    default void endOfInput() {
    }

    /**
     * Every source feeding the output has read everything there is and holds nothing back, at wall-clock time
     * {@code now}: on a quiet sensor, an output waiting for the flows' own time to move on (an alert window to
     * close) may go by the clock instead.
     */
    default void caughtUp(Instant now) {
    }
}
