package org.flowscore.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.flowscore.flow.Connection;
import org.flowscore.flow.SourceFormat;
import org.flowscore.format.SuricataEveWriter;
import org.flowscore.format.ZeekJsonWriter;
import org.flowscore.format.ZeekTsvWriter;

/**
 * A benchmark corpus: real connections repeated, each repetition shifted past the previous one in time
 * (so windows see a realistic, ordered stream, not the same seconds again), written in each log format.
 */
public final class BenchCorpus {
    private static final long GAP_MICROS = 3_600_000_000L;

    private final List<Connection> base;
    private final long span;

    public BenchCorpus(List<Connection> base) {
        if (base.isEmpty()) {
            throw new IllegalArgumentException("no connections to build a benchmark from");
        }
        this.base = base;
        long first = base.stream().mapToLong(Connection::startMicros).min().orElseThrow();
        long last = base.stream().mapToLong(Connection::endMicros).max().orElseThrow();
        this.span = last - first + GAP_MICROS;
    }

    /** Sends {@code count} connections, repeating the base list shifted in time as often as needed. */
    public void replay(long count, Consumer<Connection> sink) {
        long sent = 0;
        for (long round = 0; sent < count; round++) {
            long shift = round * span;
            for (int i = 0; i < base.size() && sent < count; i++, sent++) {
                Connection c = base.get(i);
                sink.accept(shift == 0 ? c : c.withStartMicros(c.startMicros() + shift));
            }
        }
    }

    /** Writes {@code count} connections to {@code file} in {@code format}, gzipped when its name ends in .gz. */
    public void write(SourceFormat format, long count, Path file) throws IOException {
        OutputStream bytes = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            bytes = new GZIPOutputStream(bytes, 1 << 16);
        }
        try (Writer out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), 1 << 16)) {
            switch (format) {
                case ZEEK_TSV -> {
                    ZeekTsvWriter w = new ZeekTsvWriter(out, false);
                    w.writeHeader("2024-04-19-00-00-00");
                    replay(count, unchecked(w::write));
                    w.writeFooter("2024-04-20-00-00-00");
                }
                case ZEEK_JSON -> replay(count, unchecked(new ZeekJsonWriter(out)::write));
                case SURICATA_EVE -> replay(count, unchecked(new SuricataEveWriter(out)::write));
                case PCAP -> throw new IllegalArgumentException("no pcap corpus");
            }
        }
    }

    private interface IoConsumer {
        void accept(Connection c) throws IOException;
    }

    private static Consumer<Connection> unchecked(IoConsumer writer) {
        return c -> {
            try {
                writer.accept(c);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }
}
