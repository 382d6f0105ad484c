package org.flowscore.capture;

import java.io.IOException;
import org.flowscore.capture.flowtable.ConnectionRecords;
import org.flowscore.capture.flowtable.FlowTable;
import org.flowscore.capture.flowtable.FlowTimeouts;
import org.flowscore.flow.Acknowledgement;
import org.flowscore.model.Model;
import org.flowscore.runtime.ScoringStream;
import org.flowscore.sink.FlowOutput;

/**
 * {@code capture}: packets into connections through the flow table, each connection into one
 * {@link ScoringStream} as the table closes it. Nothing is checkpointed: packets cannot be read again.
 */
public final class CaptureRun {

    /** What a run did. */
    public record Result(CaptureStats packets, long scored, long flagged) {
    }

    /** Where packets come from: files or an interface, read into the capture until done or stopped. */
    @FunctionalInterface
    public interface Packets {
        void readInto(PacketCapture capture) throws CaptureException;
    }

    private CaptureRun() {
    }

    /**
     * Reads every packet, closes what the flow table still holds, and waits until the output stored all.
     *
     * @param threads scoring and rendering workers; 1 scores on the capturing thread
     */
    public static Result run(Packets packets, FlowTimeouts timeouts, ConnectionRecords records, Model model,
                             double threshold, FlowOutput output, int threads) throws CaptureException, IOException {
        try (ScoringStream stream = new ScoringStream(model, threshold, output, threads)) {
            PacketCapture capture = new PacketCapture(new FlowTable(timeouts, records,
                    c -> stream.accept(c, Acknowledgement.NONE)));
            packets.readInto(capture);
            CaptureStats stats = capture.finish();
            stream.finish();
            output.finish();
            return new Result(stats, stream.scored(), stream.flagged());
        }
    }
}
