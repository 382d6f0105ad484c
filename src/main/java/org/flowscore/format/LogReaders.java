package org.flowscore.format;

import org.flowscore.flow.SourceFormat;

/** The reader for each log format. */
public final class LogReaders {
    private LogReaders() {
    }

    public static LogReader create(SourceFormat format, ReaderContext context) {
        return switch (format) {
            case ZEEK_TSV -> new ZeekTsvReader(context);
            case ZEEK_JSON -> new ZeekJsonReader(context);
            case SURICATA_EVE -> new SuricataEveReader(context);
            case PCAP -> throw new IllegalArgumentException("pcap files are read by 'flowscore capture', not as logs");
        };
    }
}
