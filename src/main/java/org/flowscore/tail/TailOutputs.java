package org.flowscore.tail;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.flowscore.model.ScoredFlow;
import org.flowscore.sink.EcsDocuments;
import org.flowscore.sink.NdjsonWriter;
import org.flowscore.sink.es.BulkStats;
import org.flowscore.sink.es.EsSink;
import org.flowscore.source.registry.PendingRecord;

/**
 * Where tailed flows go: Elasticsearch, an NDJSON file, or both. A record's checkpoint may advance once
 * every output has it: Elasticsearch says so per document; the file, when it was flushed.
 */
public final class TailOutputs {
    private final EsSink es;
    private final Writer file;
    private final NdjsonWriter ndjson;
    private final List<PendingRecord> unflushed = new ArrayList<>();
    private long flows;
    private long alerts;

    /**
     * @param es   the Elasticsearch sink, or null
     * @param file the NDJSON output, or null
     */
    public TailOutputs(EsSink es, Writer file, EcsDocuments documents) {
        if (es == null && file == null) {
            throw new IllegalArgumentException("tail needs an output: Elasticsearch (--es) or a file (-o)");
        }
        this.es = es;
        this.file = file;
        this.ndjson = file == null ? null : new NdjsonWriter(file, documents);
    }

    void write(ScoredFlow flow, PendingRecord record) {
        record.expect((es != null ? 1 : 0) + (file != null ? 1 : 0));
        if (es != null) {
            es.accept(flow, record);
        }
        if (file != null) {
            ndjson.accept(flow);
            unflushed.add(record);
        }
        record.release();
        flows++;
        if (flow.attack()) {
            alerts++;
        }
    }

    /** Flushes the file and acknowledges what it now holds. */
    void flush() throws IOException {
        if (file != null) {
            file.flush();
            unflushed.forEach(PendingRecord::acknowledged);
            unflushed.clear();
        }
    }

    long flows() {
        return flows;
    }

    long alerts() {
        return alerts;
    }

    /** Elasticsearch's counts so far, or null without it. */
    BulkStats esStats() {
        return es == null ? null : es.writer().stats();
    }

    /** Flushes the file and waits until Elasticsearch acknowledged everything handed to it. */
    void finish() throws IOException {
        flush();
        if (es != null) {
            es.finish();
        }
    }
}
