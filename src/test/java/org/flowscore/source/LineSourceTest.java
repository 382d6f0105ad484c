package org.flowscore.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineSourceTest {

    private static LineSource source(String text, int max) {
        return new LineSource(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max, 0, 1);
    }

    @Test
    void splitsLinesKeepingOffsetsAndDroppingCr() throws IOException {
        LineSource s = source("ab\r\ncde\n\nlast", 1024);
        SourceLine a = s.next();
        assertArrayEquals("ab".getBytes(), a.bytes());
        assertEquals(1, a.number());
        assertEquals(0, a.offset());
        assertEquals(4, a.endOffset());
        SourceLine c = s.next();
        assertArrayEquals("cde".getBytes(), c.bytes());
        assertEquals(4, c.offset());
        assertEquals(8, c.endOffset());
        SourceLine blank = s.next();
        assertEquals(0, blank.bytes().length);
        SourceLine last = s.next();
        assertArrayEquals("last".getBytes(), last.bytes());
        assertEquals(13, last.endOffset());
        assertEquals(4, last.number());
        assertNull(s.next());
    }

    @Test
    void linesSpanningBufferRefillsAreWhole() throws IOException {
        String longLine = "x".repeat(200_000);
        LineSource s = source(longLine + "\nnext\n", 1 << 20);
        assertEquals(200_000, s.next().bytes().length);
        SourceLine next = s.next();
        assertArrayEquals("next".getBytes(), next.bytes());
        assertEquals(200_001, next.offset());
    }

    @Test
    void anOverlongLineIsCutFlaggedAndTheNextLineIsIntact() throws IOException {
        LineSource s = source("y".repeat(5000) + "\nok\n", 1000);
        SourceLine big = s.next();
        assertTrue(big.overlong());
        assertEquals(256, big.bytes().length);
        assertEquals(5001, big.endOffset());
        SourceLine ok = s.next();
        assertFalse(ok.overlong());
        assertArrayEquals("ok".getBytes(), ok.bytes());
        assertEquals(2, ok.number());
    }

    @Test
    void resumesWithTheGivenOffsetAndLineNumber() throws IOException {
        LineSource s = new LineSource(new ByteArrayInputStream("z\n".getBytes()), 1024, 500, 42);
        SourceLine z = s.next();
        assertEquals(500, z.offset());
        assertEquals(502, z.endOffset());
        assertEquals(42, z.number());
    }
}
