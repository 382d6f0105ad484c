package org.flowscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.flowscore.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowscore backfill} on the 48 hourly files of rita-missing-host: threads change nothing, the
 * result is {@code flowscore score}'s, and a time range gives exactly the documents of the full run that
 * fall in it, features included (the file before the range is read for the windows).
 */
class BackfillCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RITA = "zeek/rita-missing-host";
    private static final int RITA_RECORDS = 70_440;

    @TempDir
    Path tmp;

    @Test
    void oneAndFourThreadsWriteTheSameBytesAsScore() throws IOException {
        String rita = SharedData.require(RITA).toString();
        Path one = run("one.ndjson", "--threads", "1", rita);
        Path four = run("four.ndjson", "--threads", "4", rita);
        Path scored = tmp.resolve("score.ndjson");
        CliRun score = CliRun.of("score", "-o", scored.toString(), rita);
        assertEquals(0, score.exitCode(), score.err());
        assertEquals(RITA_RECORDS, Files.readAllLines(one).size());
        assertEquals(-1, Files.mismatch(one, four), "1 and 4 threads differ");
        assertEquals(-1, Files.mismatch(one, scored), "backfill differs from score");

        Path csvOne = run("one.csv", "--threads", "1", "--output-format", "csv", rita);
        Path csvFour = run("four.csv", "--threads", "4", "--output-format", "csv", rita);
        assertEquals(RITA_RECORDS + 1, Files.readAllLines(csvOne).size());
        assertEquals(-1, Files.mismatch(csvOne, csvFour), "CSV of 1 and 4 threads differ");
    }

    @Test
    void aRangeGivesTheFullRunsDocumentsThatEndInItAndAdjacentRangesTakeEachOnce() throws IOException {
        String hours = SharedData.require(RITA).resolve("2024-04-19") + "/conn.1[0-9]:*";
        List<String> full = Files.readAllLines(run("full.ndjson", "--threads", "2", hours));
        Instant from = Instant.parse("2024-04-19T12:00:01Z");
        Instant split = Instant.parse("2024-04-19T15:00:00Z");
        Instant to = Instant.parse("2024-04-19T18:00:00Z");

        CliRun early = CliRun.of("backfill", "--threads", "2", "--since", "2024-04-19T12:00:01", "--until",
                "2024-04-19T15:00:00Z", "-o", tmp.resolve("a.ndjson").toString(), hours);
        assertEquals(0, early.exitCode(), early.err());
        // 12, 13, 14 and 15 o'clock (connections ending before 15:00 but logged after it); 11 for the windows:
        // the last 100 connections before 12:00:01 are in it.
        assertTrue(early.err().contains("4 files read, 1 read for the feature windows only, 5 skipped"), early.err());
        CliRun late = CliRun.of("backfill", "--threads", "2", "--since", "2024-04-19T17:00:00+02:00",
                "--until", "2024-04-19T18:00", "-o", tmp.resolve("b.ndjson").toString(), hours);
        assertEquals(0, late.exitCode(), late.err());

        List<String> first = Files.readAllLines(tmp.resolve("a.ndjson"));
        List<String> second = Files.readAllLines(tmp.resolve("b.ndjson"));
        assertEquals(full.stream().filter(l -> endsIn(l, from, split)).toList(), first);
        assertEquals(full.stream().filter(l -> endsIn(l, split, to)).toList(), second);
        assertTrue(first.size() > 2000 && second.size() > 2000, first.size() + " and " + second.size());
    }

    @Test
    void progressLinesAndASummaryGoToStderrWhenItIsNoTerminal() {
        String day = SharedData.require(RITA + "/2024-04-19").toString();
        CliRun r = CliRun.of("backfill", "--threads", "2", "--progress-interval", "1", "-o",
                tmp.resolve("day.ndjson").toString(), day);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("backfill: 24 files read, 0 read for the feature windows only, 0 skipped"),
                r.err());
        assertTrue(r.err().contains("read 31367 connections from 24 inputs; 0 bad lines skipped"), r.err());
        assertTrue(r.err().matches("(?s).*wrote 31,367 flows \\([\\d,]+ flagged as attack\\) in [\\d.]+ s: [\\d,]+"
                + " records/s.*"), r.err());
    }

    @Test
    void mistakesAreClearErrors() {
        String day = SharedData.require(RITA + "/2024-04-19").toString();
        CliRun stdin = CliRun.of("backfill", "-");
        assertEquals(1, stdin.exitCode());
        assertTrue(stdin.err().contains("backfill reads files, not standard input"), stdin.err());
        CliRun badTime = CliRun.of("backfill", "--since", "yesterday", day);
        assertEquals(1, badTime.exitCode());
        assertTrue(badTime.err().contains("--since 'yesterday' is not a date or time"), badTime.err());
        CliRun backwards = CliRun.of("backfill", "--since", "2024-04-20", "--until", "2024-04-19", day);
        assertTrue(backwards.err().contains("--until (2024-04-19T00:00:00Z) must be after --since"), backwards.err());
        CliRun registry = CliRun.of("backfill", "--registry", tmp.resolve("r.json").toString(), day);
        assertTrue(registry.err().contains("they need --es"), registry.err());
        CliRun zone = CliRun.of("backfill", "--archive-zone", "Mars/Olympus", day);
        assertTrue(zone.err().contains("--archive-zone Mars/Olympus: not a time zone"), zone.err());
    }

    private Path run(String name, String... args) {
        Path out = tmp.resolve(name);
        String[] all = new String[args.length + 3];
        all[0] = "backfill";
        all[1] = "-o";
        all[2] = out.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        CliRun r = CliRun.of(all);
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    private static boolean endsIn(String line, Instant from, Instant to) {
        try {
            Instant end = Instant.parse(JSON.readTree(line).at("/event/end").asText());
            return !end.isBefore(from) && end.isBefore(to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
