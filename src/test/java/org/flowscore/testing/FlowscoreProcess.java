package org.flowscore.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flowscore.cli.Main;

/**
 * flowscore as a child process, as a service manager runs it: for what only a real process shows (kill -9,
 * SIGTERM, the exit code). Output and errors go to a log file.
 */
public final class FlowscoreProcess {
    private final Process process;
    private final Path log;

    private FlowscoreProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    public static FlowscoreProcess start(Path log, List<String> jvmOptions, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new FlowscoreProcess(p, log);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: no chance to flush or checkpoint. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as systemd stops a service; the exit code, or -1 if it did not exit in time. */
    public int terminate(long timeoutSeconds) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return -1;
        }
        return process.exitValue();
    }

    /** Waits for it to exit by itself; the exit code, or -1 if it did not in time. */
    public int awaitExit(long timeoutSeconds) throws InterruptedException {
        return process.waitFor(timeoutSeconds, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    /** Kills it if still running, for a test's cleanup. */
    public void stop() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    /**
     * The child's threads as {@code jcmd Thread.print} shows them, for a failure message when it seems stuck;
     * a line saying why when it cannot be taken.
     */
    public String threadDump() {
        if (!process.isAlive()) {
            return "(no thread dump: the process has exited)";
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            String out = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return dump.waitFor(30, TimeUnit.SECONDS) ? out : "(no thread dump: jcmd did not finish)";
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
