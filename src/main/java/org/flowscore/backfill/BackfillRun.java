package org.flowscore.backfill;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.flowscore.flow.Connection;
import org.flowscore.model.Model;
import org.flowscore.read.BadLineException;
import org.flowscore.read.Chunk;
import org.flowscore.read.ParallelReader;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.runtime.ScoringStream;
import org.flowscore.sink.FlowOutput;
import org.flowscore.source.InputException;

/**
 * Runs a {@link BackfillPlan}: parallel where the work is stateless, sequential where it is not.
 * <pre>
 *  files ─▶ ParallelReader (N threads: gunzip, parse) ─▶ this thread: one ScoringStream, files in order
 *        ─▶ its scoring stage (N threads: model, renderings) ─▶ this thread, in order: the output, progress
 * </pre>
 * The windowed features depend on every connection before, across file boundaries, so exactly one
 * {@link ScoringStream} sees every connection in file and line order, as {@code flowscore score} and the
 * tailer do; the threads change the speed and nothing else. Warm-up files, connections delivered by an
 * earlier run and connections outside the range feed the windows only; each written connection carries its
 * checkpoint's acknowledgement to the output.
 */
public final class BackfillRun {
    private static final long SAVE_EVERY_NANOS = 1_000_000_000L;

    /**
     * @param read      how inputs are read
     * @param range     which connections are written, by end time
     * @param threads   readers, and scoring workers
     * @param model     the model, whose feature settings the extractor uses
     * @param threshold the decision threshold
     */
    public record Settings(ReadOptions read, TimeRange range, int threads, Model model, double threshold) {
        public Settings {
            if (threads < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
            }
        }
    }

    private final BackfillPlan plan;
    private final Settings settings;
    private final Checkpoints checkpoints;
    private final FlowOutput output;
    private final Function<ProgressCounts, ProgressDisplay> display;
    private long outOfRange;
    private long deliveredBefore;

    /**
     * @param output  receives every written flow, in order, on the calling thread
     * @param display makes the progress display for the run's counts
     */
    public BackfillRun(BackfillPlan plan, Settings settings, Checkpoints checkpoints, FlowOutput output,
                       Function<ProgressCounts, ProgressDisplay> display) {
        this.plan = plan;
        this.settings = settings;
        this.checkpoints = checkpoints;
        this.output = output;
        this.display = display;
    }

    public BackfillSummary run() throws InputException, BadLineException, InterruptedException, IOException {
        List<BackfillFile> files = plan.toRead();
        ProgressCounts counts = new ProgressCounts(files.size(), plan.bytesToRead());
        ReadStats stats = new ReadStats();
        try (ProgressDisplay progress = display.apply(counts);
             ParallelReader reader = new ParallelReader(files.stream().map(BackfillFile::input).toList(),
                     settings.read(), settings.threads());
             ScoringStream stream = new ScoringStream(settings.model(), settings.threshold(), output,
                     settings.threads())) {
            BackfillFile file = null;
            long acknowledged = 0;
            long lastSave = System.nanoTime();
            for (Chunk chunk = reader.next(); chunk != null; chunk = reader.next()) {
                if (file == null || files.get(chunk.file()) != file) {
                    file = files.get(chunk.file());
                    acknowledged = checkpoints.acknowledgedOffset(file);
                }
                for (int i = 0; i < chunk.size(); i++) {
                    Connection c = chunk.connections()[i];
                    if (file.role() == BackfillFile.Role.READ) {
                        feed(stream, c, file, chunk.endOffsets()[i], acknowledged);
                    } else {
                        stream.warmUp(c);
                    }
                }
                if (chunk.failure() != null) {
                    throw Chunk.rethrow(chunk.failure());
                }
                if (chunk.last()) {
                    stats.addAll(chunk.stats());
                    counts.fileDone(file);
                    if (file.role() == BackfillFile.Role.READ) {
                        checkpoints.fileRead(file);
                    }
                }
                counts.written(stream.scored());
                progress.update(counts);
                if (System.nanoTime() - lastSave > SAVE_EVERY_NANOS) {
                    checkpoints.save();
                    lastSave = System.nanoTime();
                }
            }
            stream.finish();
            counts.written(stream.scored());
            progress.update(counts);
            return new BackfillSummary(plan, stats, counts.records(), outOfRange, deliveredBefore,
                    stream.flagged(), counts.elapsed());
        }
    }

    /**
     * Writes the connection, or only lets it feed the windows when an earlier run delivered it or it ends
     * outside the range (then its line counts as done for the checkpoint).
     */
    private void feed(ScoringStream stream, Connection c, BackfillFile file, long endOffset, long acknowledged) {
        if (endOffset <= acknowledged) {
            deliveredBefore++;
            stream.warmUp(c);
        } else if (!settings.range().containsEnd(c.endMicros())) {
            outOfRange++;
            checkpoints.notWritten(file, endOffset);
            stream.warmUp(c);
        } else {
            stream.accept(c, checkpoints.record(file, endOffset));
        }
    }
}
