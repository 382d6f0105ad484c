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
    /** How long the stream was polled for without a record since its last one. */
    private long quietNanos;

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
        quietNanos = 0;
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

    /**
     * Another round of polling went by ({@code pollNanos} of it counted); releases the reorder buffer once the
     * sensor was quiet for {@code idleNanos}, as {@code tail} does. Only time spent polling counts: a loop held up
     * by a rebalance or a slow output has not seen a quiet sensor, and releasing then would put the records that
     * come next out of order.
     */
    void polled(long pollNanos, long idleNanos) {
        quietNanos += pollNanos;
        if (idleNanos > 0 && quietNanos > idleNanos && stream.buffered() > 0) {
            stream.flush();
        }
    }

    @Override
    public void close() {
        stream.close();
    }
}
