package org.flowscore.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.flowscore.flow.Connection;
import org.flowscore.format.ReaderContext;
import org.flowscore.format.SkipReason;
import org.flowscore.source.InputException;
import org.flowscore.source.InputFile;
import org.flowscore.source.LineSource;
import org.flowscore.testing.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input never stops a run and never vanishes: every bad line is counted with its reason and place. */
class MalformedInputTest {
    private static final String HEADER = """
            #separator \\x09
            #set_separator\t,
            #empty_field\t(empty)
            #unset_field\t-
            #path\tconn
            #fields\tts\tuid\tid.orig_h\tid.orig_p\tid.resp_h\tid.resp_p\tproto\tservice\tduration\torig_bytes\tresp_bytes\tconn_state
            #types\ttime\tstring\taddr\tport\taddr\tport\tenum\tstring\tinterval\tcount\tcount\tstring
            """;
    private static final String GOOD = "1713484795.943239\tC1\t10.0.0.1\t40000\t10.0.0.2\t80\ttcp\thttp\t0.5\t100\t200\tSF\n";

    @TempDir
    Path tmp;

    @Test
    void everyKindOfBadTsvLineIsCountedWithItsReasonAndTheGoodOnesStillRead() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, HEADER + GOOD);                                                        // lines 1-8
        write(out, "1713484796.1\tC2\t10.0.0.1\t40001\t10.0.0.2\n");                      // 9 wrong column count
        write(out, GOOD.replace("\t100\t", "\tlots\t"));                                  // 10 non-numeric
        out.write(GOOD.replace("C1", "C\u00e9").getBytes(StandardCharsets.ISO_8859_1));   // 11 invalid UTF-8
        write(out, GOOD.replace("C1", "C" + "x".repeat(10 * 1024 * 1024)));               // 12 a 10 MB line
        byte[] garbage = new byte[300];
        new Random(7).nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = garbage[i] == '\n' ? 0 : garbage[i];
        }
        garbage[5] = 0;
        out.write(garbage);                                                               // 13 binary garbage
        write(out, "\n");
        write(out, GOOD.replace("10.0.0.1", "10.0.0.999"));                               // 14 bad address
        write(out, GOOD.replace("1713484795.943239", "yesterday"));                       // 15 bad timestamp
        write(out, GOOD.replace("C1", "C3"));                                              // 16 good
        Path file = tmp.resolve("conn.log");
        Files.write(file, out.toByteArray());

        Reading.Result r = Reading.read(file);

        assertEquals(List.of("C1", "C3"), r.connections().stream().map(Connection::recordId).toList());
        ReadStats s = r.stats();
        assertEquals(1, s.skipped(SkipReason.WRONG_COLUMN_COUNT));
        assertEquals(1, s.skipped(SkipReason.BAD_NUMBER));
        assertEquals(1, s.skipped(SkipReason.INVALID_UTF8));
        assertEquals(1, s.skipped(SkipReason.LINE_TOO_LONG));
        assertEquals(1, s.skipped(SkipReason.BINARY_DATA));
        assertEquals(1, s.skipped(SkipReason.BAD_ADDRESS));
        assertEquals(1, s.skipped(SkipReason.BAD_TIMESTAMP));
        assertEquals(7, s.skippedTotal());
        assertEquals(List.of(
                file + ":9: wrong column count (expected 12 columns, got 5)",
                file + ":10: bad number (orig_bytes 'lots')",
                file + ":11: invalid UTF-8 (bytes that are not UTF-8)",
                file + ":12: line too long (longer than the line limit)",
                file + ":13: binary data (control characters in a text log)"), s.firstSkipped());
        assertTrue(s.summary().startsWith("read 2 connections from 1 input"), s.summary());
        assertTrue(s.summary().contains("7 bad lines skipped"), s.summary());
    }

    @Test
    void badJsonLinesAreCountedToo() throws IOException {
        String good = "{\"ts\":1.5,\"uid\":\"C1\",\"id.orig_h\":\"10.0.0.1\",\"id.orig_p\":1,"
                + "\"id.resp_h\":\"10.0.0.2\",\"id.resp_p\":80,\"proto\":\"tcp\",\"conn_state\":\"SF\"}\n";
        Path file = tmp.resolve("conn.json");
        Files.writeString(file, good + good.substring(0, 40) + "\n" + good.replace("\"id.resp_p\":80", "\"id.resp_p\":\"x\"")
                + good);
        Reading.Result r = Reading.read(file);
        assertEquals(2, r.connections().size());
        assertEquals(1, r.stats().skipped(SkipReason.MALFORMED_JSON));
        assertEquals(1, r.stats().skipped(SkipReason.BAD_NUMBER));
    }

    @Test
    void strictModeStopsAtTheFirstBadLineNamingIt() throws IOException {
        Path file = tmp.resolve("conn.log");
        Files.writeString(file, HEADER + GOOD + "garbage\n" + GOOD);
        ReadOptions strict = new ReadOptions(null, true, LineSource.DEFAULT_MAX_LINE_BYTES, ReaderContext.defaults());
        List<Connection> out = new ArrayList<>();
        BadLineException e = assertThrows(BadLineException.class,
                () -> new ConnectionReader(strict, new ReadStats()).readAll(List.of(new InputFile(file)), out::add));
        assertEquals(file + ":9: wrong column count (expected 12 columns, got 1)", e.getMessage());
        assertEquals(1, out.size());
    }

    @Test
    void gzipIsDetectedByContentWhateverTheName() throws IOException {
        Path file = tmp.resolve("conn.log");
        try (var gz = new GZIPOutputStream(Files.newOutputStream(file))) {
            gz.write((HEADER + GOOD).getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(1, Reading.read(file).connections().size());
    }

    @Test
    void aMissingFileIsAClearErrorNamingIt() {
        Path missing = tmp.resolve("nope/conn.log");
        InputException e = assertThrows(InputException.class, () -> new ConnectionReader(ReadOptions.defaults(),
                new ReadStats()).readAll(List.of(new InputFile(missing)), c -> { }));
        assertEquals(missing + ": no such file", e.getMessage());
    }

    @Test
    void aFileOfNoKnownFormatIsAClearErrorSuggestingFormat() throws IOException {
        Path file = tmp.resolve("notes.txt");
        Files.writeString(file, "hello world\n");
        InputException e = assertThrows(InputException.class, () -> new ConnectionReader(ReadOptions.defaults(),
                new ReadStats()).readAll(List.of(new InputFile(file)), c -> { }));
        assertTrue(e.getMessage().startsWith(file + ": not a Zeek conn.log"), e.getMessage());
        assertTrue(e.getMessage().contains("--format"), e.getMessage());
    }

    @Test
    void anEmptyFileReadsAsNothing() throws IOException {
        Path file = tmp.resolve("conn.log");
        Files.writeString(file, "");
        Reading.Result r = Reading.read(file);
        assertEquals(0, r.connections().size());
        assertEquals(0, r.stats().skippedTotal());
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
