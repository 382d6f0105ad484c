package org.flowscore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowscore.testing.AgainstElasticsearch;
import org.flowscore.testing.ElasticsearchServer;
import org.flowscore.testing.EsRequests;
import org.flowscore.testing.StandInPipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowscore score --es} end to end with the shipped model: the day's 24 hourly logs land once,
 * a rerun adds nothing and says so, and a run killed midway then rerun leaves every record once.
 */
@AgainstElasticsearch
class ScoreToElasticsearchTest {
    private static final long RECORDS = StandInPipeline.RITA_DAY_RECORDS;
    private static final Pattern ALERTS = Pattern.compile("read ([\\d,]+) flows \\(([\\d,]+) alerts\\)");

    @TempDir
    Path tmp;

    @Test
    void aDayLandsOnceAndARerunReportsDuplicates() {
        String url = ElasticsearchServer.shared().url();
        String ns = "clie2e";
        assertEquals(0, CliRun.of("setup", "--es", url, "--namespace", ns).exitCode());
        CliRun first = score(url, ns);
        assertEquals(0, first.exitCode(), first.err());
        assertEquals("", first.out(), "with --es and no --output, nothing goes to stdout");
        assertEquals(RECORDS, EsRequests.count(url, "logs-flowscore.flow-" + ns));
        // One alert document per group (the default), and every flagged flow names its group.
        long groups = EsRequests.distinct(url, "logs-flowscore.flow-" + ns, "flowscore.alert.group.id");
        assertTrue(groups > 0 && groups < alerts(first), groups + " groups of " + alerts(first) + " flagged flows");
        assertEquals(groups, EsRequests.count(url, "logs-flowscore.alert-" + ns));
        assertTrue(first.err().contains("logs-flowscore.flow-" + ns + ": 31,367 indexed, 0 duplicates (409), 0 dead-lettered"),
                first.err());

        CliRun second = score(url, ns);
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(RECORDS, EsRequests.count(url, "logs-flowscore.flow-" + ns));
        assertEquals(groups, EsRequests.count(url, "logs-flowscore.alert-" + ns), "the rerun's groups have the same ids");
        assertTrue(second.err().contains("logs-flowscore.flow-" + ns + ": 0 indexed, 31,367 duplicates (409)"),
                second.err());
        assertTrue(second.err().contains("docs/s"), second.err());
    }

    @Test
    void aKilledRunThenAFullRerunLeavesEveryRecordOnce() throws Exception {
        String url = ElasticsearchServer.shared().url();
        String ns = "clikilled";
        assertEquals(0, CliRun.of("setup", "--es", url, "--namespace", ns).exitCode());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "score", "--es", url,
                "--namespace", ns, "--dead-letter", tmp.resolve("dead.ndjson").toString()));
        command.addAll(StandInPipeline.ritaDay().stream().map(Path::toString).toList());
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("child.log").toFile()).start();
        long landed = 0;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (landed == 0 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(50);
                landed = EsRequests.count(url, "logs-flowscore.flow-" + ns);
            }
            assertTrue(child.isAlive(), "the child finished before it could be killed");
        } finally {
            child.destroyForcibly().waitFor();
        }
        long afterKill = EsRequests.count(url, "logs-flowscore.flow-" + ns);
        assertTrue(afterKill > 0 && afterKill < RECORDS, "killed mid-run: " + afterKill);

        CliRun rerun = score(url, ns);
        assertEquals(0, rerun.exitCode(), rerun.err());
        assertEquals(RECORDS, EsRequests.count(url, "logs-flowscore.flow-" + ns));
        assertEquals(0, EsRequests.repeatedValues(url, "logs-flowscore.flow-" + ns, "event.id").size());
    }

    private CliRun score(String url, String ns) {
        List<String> args = new ArrayList<>(List.of("score", "--es", url, "--namespace", ns, "--dead-letter",
                tmp.resolve("dead.ndjson").toString()));
        args.addAll(StandInPipeline.ritaDay().stream().map(Path::toString).toList());
        return CliRun.of(args.toArray(String[]::new));
    }

    private static long alerts(CliRun run) {
        Matcher m = ALERTS.matcher(run.err());
        assertTrue(m.find(), run.err());
        return Long.parseLong(m.group(2).replace(",", ""));
    }
}
