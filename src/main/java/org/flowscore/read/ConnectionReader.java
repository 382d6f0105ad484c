package org.flowscore.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import org.flowscore.flow.Connection;
import org.flowscore.flow.SourceFormat;
import org.flowscore.format.FormatDetector;
import org.flowscore.source.InputException;
import org.flowscore.source.InputFile;
import org.flowscore.source.InputOpener;
import org.flowscore.source.LineSource;
import org.flowscore.source.SourceLine;

/**
 * Reads inputs one after another into connections: opens each (gzip by magic bytes), detects its format
 * unless one was forced, feeds every line to that format's reader, and counts every line that did not
 * become a connection in {@link ReadStats}.
 */
public final class ConnectionReader {
    private final ReadOptions options;
    private final ReadStats stats;

    public ConnectionReader(ReadOptions options, ReadStats stats) {
        this.options = options;
        this.stats = stats;
    }

    public void readAll(List<InputFile> inputs, Consumer<? super Connection> sink) throws InputException, BadLineException {
        for (InputFile input : inputs) {
            read(input, sink);
        }
    }

    public void read(InputFile input, Consumer<? super Connection> sink) throws InputException, BadLineException {
        readPositioned(input, (connection, line) -> sink.accept(connection));
    }

    /** Receives each connection with the line it came from: its position, for checkpoints. */
    @FunctionalInterface
    public interface PositionedSink {
        void accept(Connection connection, SourceLine line);
    }

    /** As {@link #read(InputFile, Consumer)}, handing on each connection's line too. */
    public void readPositioned(InputFile input, PositionedSink sink) throws InputException, BadLineException {
        try (InputStream in = new BufferedInputStream(InputOpener.open(input), FormatDetector.PEEK_BYTES)) {
            SourceFormat format = options.format() != null ? options.format() : detect(input, in);
            if (format == null) {
                stats.fileOpened();
                return;
            }
            LineParser parser = LineParser.forFile(format, options, stats, input.displayName());
            LineSource lines = new LineSource(in, options.maxLineBytes(), 0, 1);
            for (SourceLine line = lines.next(); line != null; line = lines.next()) {
                Connection connection = parser.parse(line);
                if (connection != null) {
                    sink.accept(connection, line);
                }
            }
        } catch (IOException e) {
            throw new InputException(input.displayName() + ": read failed: " + e.getMessage(), e);
        }
    }

    /** Null for an empty input (nothing to read); an error when the content matches no format. */
    private static SourceFormat detect(InputFile input, InputStream in) throws IOException, InputException {
        in.mark(FormatDetector.PEEK_BYTES);
        byte[] head = in.readNBytes(FormatDetector.PEEK_BYTES);
        in.reset();
        if (head.length == 0) {
            return null;
        }
        SourceFormat format = FormatDetector.detect(head, head.length);
        if (format == null) {
            throw new InputException(input.displayName() + ": not a Zeek conn.log (TSV or JSON) or Suricata eve.json;"
                    + " if it is one, name the format with --format zeek-tsv|zeek-json|suricata-eve");
        }
        return format;
    }
}
