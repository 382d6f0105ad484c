package org.flowscore.format;

import java.nio.charset.StandardCharsets;
import org.flowscore.flow.SourceFormat;

/**
 * Tells a log's format from its first lines: a Zeek TSV header ({@code #separator}, {@code #fields}),
 * a JSON object with {@code event_type} (Suricata EVE) or without it (Zeek JSON).
 */
public final class FormatDetector {
    /** How much of a file's start detection looks at. */
    public static final int PEEK_BYTES = 64 * 1024;

    private FormatDetector() {
    }

    /** The format, or null when the first lines match none. */
    public static SourceFormat detect(byte[] head, int length) {
        String text = new String(head, 0, length, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("#separator") || t.startsWith("#fields") || t.startsWith("#path")) {
                return SourceFormat.ZEEK_TSV;
            }
            if (t.startsWith("#")) {
                // A comment before the header, such as a btest baseline's first line.
                continue;
            }
            if (t.startsWith("{")) {
                return t.contains("\"event_type\"") ? SourceFormat.SURICATA_EVE : SourceFormat.ZEEK_JSON;
            }
            return null;
        }
        return null;
    }
}
