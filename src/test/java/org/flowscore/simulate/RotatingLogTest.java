package org.flowscore.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.zip.GZIPInputStream;
import org.flowscore.flow.SourceFormat;
import org.flowscore.testing.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --follow}: files rotated and archived the way zeekctl names them, written at the clock's pace. */
class RotatingLogTest {
    private static final long HOUR = 3_600_000_000L;

    @TempDir
    Path tmp;

    /** A clock that jumps to whatever time is awaited: hours of live writing in milliseconds. */
    private static final class VirtualClock implements Pacer {
        long now;

        VirtualClock(long now) {
            this.now = now;
        }

        @Override
        public long nowMicros() {
            return now;
        }

        @Override
        public void awaitMicros(long micros) {
            now = Math.max(now, micros);
        }
    }

    @Test
    void hourlyRotationArchivesIntoDatedFoldersUnderZeekctlNames() throws Exception {
        long start = Instant.parse("2024-04-19T22:30:00Z").getEpochSecond() * 1_000_000;
        Scenario scenario = new Scenario(List.of(Attack.BRUTEFORCE), OptionalDouble.of(0.5), start, 3 * HOUR, 2,
                LoginService.SSH);
        var background = Simulated.background("zeek/zat-2013-tsv/conn.log");
        Path live = tmp.resolve("logs");
        RotatingLog log = new RotatingLog(live, SourceFormat.ZEEK_TSV, HOUR, true, new VirtualClock(start));
        Simulator.Summary summary;
        try (log) {
            summary = Simulator.writeLive(scenario, background, log);
        }
        List<Path> archives = log.archives();
        List<String> names = archives.stream().map(p -> live.relativize(p).toString()).toList();
        assertEquals(List.of("2024-04-19/conn.22:30:00-23:00:00.log.gz", "2024-04-19/conn.23:00:00-00:00:00.log.gz",
                "2024-04-20/conn.00:00:00-01:00:00.log.gz"), names.subList(0, 3));
        // The last file closes when the run ends: once the last connection, started before 01:30, is over.
        assertEquals(4, names.size(), names.toString());
        assertTrue(names.get(3).matches("2024-04-20/conn\\.01:00:00-01:3\\d:\\d\\d\\.log\\.gz"), names.get(3));
        assertFalse(Files.exists(live.resolve("conn.log")), "closing rotates the last file too");
        long total = 0;
        for (Path archive : archives) {
            String text = gunzip(archive);
            assertTrue(text.startsWith("#separator"), "every file has its own header: " + archive);
            assertTrue(text.contains("\n#close\t"), archive.toString());
            assertTrue(Files.list(archive.getParent()).noneMatch(p -> p.toString().endsWith(".log")
                    || p.toString().endsWith(".partial")), "only the gzipped archive stays");
            total += Reading.read(archive).connections().size();
        }
        assertEquals(summary.connections(), total, "every connection in exactly one archive");
    }

    @Test
    void liveWritingKeepsToTheClockAndRotatesEverySecond() throws Exception {
        long start = Pacer.SYSTEM.nowMicros();
        Scenario scenario = new Scenario(List.of(Attack.PORTSCAN), OptionalDouble.of(40), start, 3_200_000, 4,
                LoginService.SSH);
        Path live = tmp.resolve("live");
        long began = System.nanoTime();
        RotatingLog log = new RotatingLog(live, SourceFormat.ZEEK_JSON, 1_000_000, false, Pacer.SYSTEM);
        Simulator.Summary summary;
        try (log) {
            summary = Simulator.writeLive(scenario, List.of(), log);
        }
        List<Path> archives = log.archives();
        double seconds = (System.nanoTime() - began) / 1e9;
        assertTrue(seconds >= 3.0 && seconds < 8, "paced by the clock: " + seconds + " s");
        assertTrue(Math.abs(summary.connections() - 40 * 3.2) <= 40 * 3.2 * 0.2, summary.connections() + " probes");
        assertTrue(archives.size() >= 4 && archives.size() <= 5, "one file per second: " + archives);
        long total = 0;
        for (Path archive : archives) {
            assertTrue(archive.getFileName().toString().matches("conn\\.\\d\\d:\\d\\d:\\d\\d-\\d\\d:\\d\\d:\\d\\d\\.log"),
                    archive.toString());
            long n = Reading.read(archive).connections().size();
            assertTrue(n <= 60, "about 40 a second, not everything at once: " + n + " in " + archive);
            total += n;
        }
        assertEquals(summary.connections(), total);
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
