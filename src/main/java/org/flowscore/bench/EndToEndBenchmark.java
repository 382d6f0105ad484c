package org.flowscore.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The main job as a user runs it: whole {@code flowscore} processes ({@code score} to NDJSON and to CSV,
 * {@code score} held to a 256 MB heap, {@code features}) over one file, each against the floor of the same
 * file measured in the same run ({@code zcat | wc -l}, or {@code wc -l} for a plain file: decompressing and
 * cutting lines). The machine is shared and noisy, so every measurement is taken {@code rounds} times,
 * interleaved, and the fastest counts.
 */
public final class EndToEndBenchmark {
    /** One measured command line. */
    private record Job(String name, List<String> command) {
    }

    private final Path file;
    private final long records;
    private final int rounds;
    private final int threads;
    private final PrintWriter out;

    /**
     * @param records the connections in the file, for records/s
     * @param threads the {@code --threads} of the score and features runs
     */
    public EndToEndBenchmark(Path file, long records, int rounds, int threads, PrintWriter out) {
        this.file = file;
        this.records = records;
        this.rounds = rounds;
        this.threads = threads;
        this.out = out;
    }

    public void run() throws IOException, InterruptedException {
        String path = file.toAbsolutePath().toString();
        String floor = path.endsWith(".gz") ? "zcat '" + path.replace("'", "'\\''") + "' | wc -l"
                : "wc -l < '" + path.replace("'", "'\\''") + "'";
        List<Job> jobs = List.of(
                new Job("floor: " + (path.endsWith(".gz") ? "zcat | wc -l" : "wc -l"), List.of("sh", "-c", floor)),
                new Job("score (NDJSON)", flowscore(List.of(), "score", "-o", "/dev/null")),
                new Job("score --output-format csv", flowscore(List.of(), "score", "--output-format", "csv",
                        "-o", "/dev/null")),
                new Job("score (NDJSON), -Xmx256m", flowscore(List.of("-Xmx256m"), "score", "-o", "/dev/null")),
                new Job("features", flowscore(List.of(), "features", "-o", "/dev/null")));
        out.printf(Locale.ROOT, "end to end: %s, %,d records, --threads %d, %d processors, best of %d%n", file,
                records, threads, Runtime.getRuntime().availableProcessors(), rounds);
        out.flush();
        double[] best = new double[jobs.size()];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        for (int round = 0; round < rounds; round++) {
            for (int j = 0; j < jobs.size(); j++) {
                best[j] = Math.min(best[j], seconds(jobs.get(j)));
            }
        }
        for (int j = 0; j < jobs.size(); j++) {
            out.printf(Locale.ROOT, "  %-30s %7.2f s %,12.0f records/s %6.1fx the floor%n", jobs.get(j).name(),
                    best[j], records / best[j], best[j] / best[0]);
        }
        out.flush();
    }

    private List<String> flowscore(List<String> jvmOptions, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.flowscore.cli.Main");
        command.addAll(List.of(arguments));
        command.add("--threads");
        command.add(Integer.toString(threads));
        command.add(file.toString());
        return command;
    }

    private static double seconds(Job job) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process p = new ProcessBuilder(job.command()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(job.name() + " did not finish within 30 minutes");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (p.exitValue() != 0) {
            throw new IOException(job.name() + " failed with exit code " + p.exitValue() + ": " + job.command());
        }
        return seconds;
    }
}
