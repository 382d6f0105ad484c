package org.flowscore.kafka;

import java.util.Arrays;
import org.flowscore.flow.CommunityId;
import org.flowscore.flow.Connection;
import org.flowscore.flow.LocalNetworks;
import org.flowscore.flow.SourceFormat;
import org.flowscore.format.ReaderContext;
import org.flowscore.model.Model;
import org.flowscore.read.BadLineException;
import org.flowscore.read.LineParser;
import org.flowscore.read.ReadOptions;
import org.flowscore.read.ReadStats;
import org.flowscore.runtime.ScoringStream;
import org.flowscore.sink.FlowOutput;
import org.flowscore.source.LineSource;
import org.flowscore.source.SourceLine;
import org.flowscore.source.kafka.RecordPayload;

/**
 * One sensor's records in one partition, in the order the partition holds them: its own readers (a Zeek JSON
 * reader learns its sensor's scope separator) and its own {@link ScoringStream}, so each sensor's feature windows
 * see its connections as {@code score} over its log would.
 */
final class SensorStream implements AutoCloseable {
    private final String where;
    private final ReadOptions options;
    private final ReadStats stats;
    private final ScoringStream stream;
    private LineParser zeek;
    private LineParser eve;
    private long lastRecordNanos = System.nanoTime();

    /** @param where the partition and sensor, for the locations of bad records ({@code conn-2/dmz}) */
    SensorStream(String where, String sensor, LocalNetworks localNetworks, Model model, double threshold,
                 FlowOutput output, ReadStats stats) {
        this.where = where;
        this.options = new ReadOptions(null, false, LineSource.DEFAULT_MAX_LINE_BYTES,
                new ReaderContext(sensor, new CommunityId(0), localNetworks, null));
        this.stats = stats;
        this.stream = new ScoringStream(model, threshold, output, 1);
    }

    /** The record's connection, or null when it holds none (counted in the stats as a bad line would be). */
    Connection parse(RecordPayload payload, long offset) {
        lastRecordNanos = System.nanoTime();
        byte[] bytes = payload.line();
        boolean overlong = bytes.length > options.maxLineBytes();
        SourceLine line = new SourceLine(offset, offset, offset + 1,
                overlong ? Arrays.copyOf(bytes, 256) : bytes, overlong);
        try {
            return parser(payload.format()).parse(line);
        } catch (BadLineException e) {
            throw new IllegalStateException("records are read with options that are not strict", e);
        }
    }

    private LineParser parser(SourceFormat format) {
        if (format == SourceFormat.SURICATA_EVE) {
            if (eve == null) {
                eve = LineParser.forFile(format, options, stats, where);
            }
            return eve;
        }
        if (zeek == null) {
            zeek = LineParser.forFile(SourceFormat.ZEEK_JSON, options, stats, where);
        }
        return zeek;
    }

    ScoringStream stream() {
        return stream;
    }

    /** Releases the reorder buffer when nothing came for {@code idleNanos}, as {@code tail} does. */
    void flushIfIdle(long idleNanos) {
        if (idleNanos > 0 && System.nanoTime() - lastRecordNanos > idleNanos && stream.buffered() > 0) {
            stream.flush();
        }
    }

    @Override
    public void close() {
        stream.close();
    }
}
