package org.flowscore.capture;

/**
 * What a capture read: frames, those decoded into IP packets the flow table took, and the connections out.
 */
public record CaptureStats(long frames, long decoded, long connections, long evicted) {

    public String summary() {
        return String.format("read %,d packets (%,d IP packets tracked, %,d others skipped): %,d connections"
                + " (%,d emitted early because the flow table was full)", frames, decoded, frames - decoded,
                connections, evicted);
    }
}
