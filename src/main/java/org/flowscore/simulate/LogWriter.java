package org.flowscore.simulate;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.flowscore.flow.Connection;
import org.flowscore.flow.SourceFormat;
import org.flowscore.format.SuricataEveWriter;
import org.flowscore.format.ZeekJsonWriter;
import org.flowscore.format.ZeekTsvWriter;

/**
 * One log file being written in one of the formats the readers take, truth included: Zeek TSV with IoT-23's
 * {@code label}/{@code detailed-label} columns and its {@code #open}/{@code #close} lines, Zeek JSON with the
 * same keys, Suricata EVE with {@code label}/{@code detailed_label}.
 */
sealed interface LogWriter {
    /** Zeek's {@code #open}/{@code #close} time text, in UTC so output does not depend on the machine. */
    DateTimeFormatter ZEEK_HEADER_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC);

    void open(long micros) throws IOException;

    void write(Connection c) throws IOException;

    void close(long micros) throws IOException;

    /** The file name a sensor gives this log: {@code conn.log} for Zeek, {@code eve.json} for Suricata. */
    static String liveName(SourceFormat format) {
        return format == SourceFormat.SURICATA_EVE ? "eve.json" : "conn.log";
    }

    static LogWriter of(SourceFormat format, Writer out) {
        return switch (format) {
            case ZEEK_TSV -> new Tsv(new ZeekTsvWriter(out, true));
            case ZEEK_JSON -> new Plain(new ZeekJsonWriter(out)::write);
            case SURICATA_EVE -> new Plain(new SuricataEveWriter(out)::write);
            case PCAP -> throw new IllegalArgumentException("simulate writes logs, not pcap");
        };
    }

    private static String headerTime(long micros) {
        return ZEEK_HEADER_TIME.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000)));
    }

    record Tsv(ZeekTsvWriter writer) implements LogWriter {
        @Override
        public void open(long micros) throws IOException {
            writer.writeHeader(headerTime(micros));
        }

        @Override
        public void write(Connection c) throws IOException {
            writer.write(c);
        }

        @Override
        public void close(long micros) throws IOException {
            writer.writeFooter(headerTime(micros));
        }
    }

    /** Writes one connection as one line. */
    @FunctionalInterface
    interface LineWriter {
        void write(Connection c) throws IOException;
    }

    /** A format without header or footer lines: Zeek JSON, Suricata EVE. */
    record Plain(LineWriter writer) implements LogWriter {
        @Override
        public void open(long micros) {
        }

        @Override
        public void write(Connection c) throws IOException {
            writer.write(c);
        }

        @Override
        public void close(long micros) {
        }
    }
}
