package org.flowscore.read;

import java.util.function.Consumer;
import org.flowscore.flow.Connection;
import org.flowscore.flow.SourceFormat;
import org.flowscore.format.FormatDetector;
import org.flowscore.source.SourceLine;

/**
 * The lines of a followed file into connections, leniently: a file that is still being written may start with
 * lines that name no format yet (or be something else entirely), so the format is taken from the first line
 * that names one, unless it was forced, and lines before it are skipped with one note, never an error.
 */
public final class FollowedFileParser {
    private final ReadOptions options;
    private final ReadStats stats;
    private final String displayName;
    private final Consumer<String> log;
    private LineParser parser;
    private boolean unknownFormatReported;

    /**
     * A parser for one file, with {@code options} that are not strict; {@code log} hears once that its lines
     * match no format.
     */
    public FollowedFileParser(ReadOptions options, ReadStats stats, String displayName, Consumer<String> log) {
        this.options = options;
        this.stats = stats;
        this.displayName = displayName;
        this.log = log;
    }

    /** The line's connection, or null when it holds none (a header, another event type, a bad line). */
    public Connection parse(SourceLine line) {
        if (parser == null && !detect(line)) {
            return null;
        }
        try {
            return parser.parse(line);
        } catch (BadLineException e) {
            throw new IllegalArgumentException("a followed file is read with options that are not strict", e);
        }
    }

    private boolean detect(SourceLine line) {
        SourceFormat format = options.format() != null ? options.format()
                : FormatDetector.detect(line.bytes(), line.bytes().length);
        if (format == null) {
            if (!line.isBlank() && line.bytes()[0] != '#' && !unknownFormatReported) {
                unknownFormatReported = true;
                log.accept(displayName + ":" + line.number() + " is not a Zeek conn.log (TSV or JSON) or Suricata"
                        + " eve.json line; its lines are skipped until one is (name the format in the input to"
                        + " force it): " + line.preview(80));
            }
            return false;
        }
        parser = LineParser.forFile(format, options, stats, displayName);
        return true;
    }
}
