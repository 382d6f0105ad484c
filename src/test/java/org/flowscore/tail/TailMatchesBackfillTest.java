package org.flowscore.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.flowscore.cli.Main;
import org.flowscore.testing.FlowscoreProcess;
import org.flowscore.testing.InChildProcesses;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 48 hourly files of rita-missing-host, replayed by a writer into a live {@code conn.log} that it
 * rotates after each hour as Zeek does, give exactly the documents — features and scores — that
 * backfilling the same files gives.
 */
@InChildProcesses
class TailMatchesBackfillTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(240)
    void tailingARotatingReplayGivesBackfillsDocumentsByteForByte() throws Exception {
        List<Path> hours;
        try (Stream<Path> days = Files.list(SharedData.require("zeek/rita-missing-host"))) {
            List<Path> found = new ArrayList<>();
            for (Path day : days.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(day)) {
                    found.addAll(files.filter(p -> p.getFileName().toString().startsWith("conn.")).sorted().toList());
                }
            }
            hours = found;
        }
        assertEquals(48, hours.size());
        Path backfilled = dir.resolve("backfill.ndjson");
        List<String> args = new ArrayList<>(List.of("backfill", "-o", backfilled.toString()));
        hours.forEach(h -> args.add(h.toString()));
        assertEquals(0, Main.run(args.toArray(String[]::new)));
        List<String> expected = Files.readAllLines(backfilled);
        assertEquals(70_440, expected.size());

        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path live = logs.resolve("conn.log");
        Path registry = dir.resolve("registry.json");
        Path tailed = dir.resolve("tail.ndjson");
        FlowscoreProcess child = null;
        try {
            for (int h = 0; h < hours.size(); h++) {
                List<String> lines = lines(hours.get(h));
                try (BufferedWriter out = Files.newBufferedWriter(live, StandardCharsets.UTF_8)) {
                    for (int i = 0; i < lines.size(); i++) {
                        out.write(lines.get(i));
                        out.write('\n');
                        if (i % 500 == 499) {
                            out.flush();
                            Thread.sleep(20);
                        }
                    }
                    out.flush();
                    // An idle flush mid-replay would release connections early and change windows, so
                    // only the end of the replay (10 s of silence) may trigger it, however loaded the box.
                    if (child == null) {
                        child = FlowscoreProcess.start(dir.resolve("tail.log"), List.of(), List.of("tail", "-o",
                                tailed.toString(), "--registry", registry.toString(), "--status-interval", "0",
                                "--idle-flush", "10s", live.toString()));
                        awaitFile(registry, child);
                    }
                }
                // Zeek renames the finished hour; the next one starts a new file with its own header.
                Thread.sleep(300);
                Files.move(live, logs.resolve(String.format("conn.%02d.log", h)));
            }
            long deadline = System.nanoTime() + 90_000_000_000L;
            while (count(tailed) < expected.size() && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(250);
            }
            assertEquals(0, child.terminate(30), child.log());
            List<String> actual = Files.readAllLines(tailed);
            assertEquals(expected.size(), actual.size(), child.log());
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), actual.get(i), "document " + i);
            }
        } finally {
            if (child != null) {
                child.stop();
            }
        }
    }

    private static List<String> lines(Path gz) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.add(line);
            }
        }
        return out;
    }

    private static void awaitFile(Path file, FlowscoreProcess child) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!Files.exists(file) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(file), "the tailer did not start: " + child.log());
    }

    private static long count(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        }
    }
}
