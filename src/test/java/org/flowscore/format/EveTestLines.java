package org.flowscore.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flowscore.source.SourceLine;

/** Builds {@link SourceLine}s for reader tests, without the real line source. */
final class EveTestLines {
    private EveTestLines() {
    }

    static List<SourceLine> read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        List<SourceLine> lines = new ArrayList<>();
        int start = 0;
        long number = 1;
        while (start < all.length) {
            int nl = start;
            while (nl < all.length && all[nl] != '\n') {
                nl++;
            }
            int end = nl > start && all[nl - 1] == '\r' ? nl - 1 : nl;
            lines.add(new SourceLine(number++, start, Math.min(nl + 1, all.length),
                    Arrays.copyOfRange(all, start, end), false));
            start = nl + 1;
        }
        return lines;
    }

    static SourceLine line(String text) {
        return line(text.getBytes(StandardCharsets.UTF_8));
    }

    static SourceLine line(byte[] bytes) {
        return new SourceLine(1, 0, bytes.length + 1, bytes, false);
    }
}
