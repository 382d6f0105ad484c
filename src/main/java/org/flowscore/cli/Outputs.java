package org.flowscore.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine;

/** Opens {@code --output}: {@code -} is standard output, anything else a file created or replaced. */
final class Outputs {
    private Outputs() {
    }

    static Writer open(String output, CommandLine commandLine) {
        if (output.equals("-")) {
            // Not closed by the caller's try-with-resources: picocli owns standard output.
            return new java.io.FilterWriter(commandLine.getOut()) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        Path path = Path.of(output);
        try {
            return new java.io.BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path),
                    StandardCharsets.UTF_8), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new UserFacingException("--output " + output + ": the folder does not exist");
        } catch (IOException e) {
            throw new UserFacingException("--output " + output + ": cannot write: " + e.getMessage(), e);
        }
    }

    /**
     * Checks before the work that the file {@code option} names can be written where it says: not a folder, in
     * a folder that exists. A model is written after minutes of training; a typo found then costs them all.
     */
    static void requireFileTarget(String option, Path file) {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new UserFacingException(option + " " + file + ": is a folder");
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            throw new UserFacingException(option + " " + file + ": the folder " + target.getParent()
                    + " does not exist");
        }
    }

    /** A file appended to (created when missing): a restarted tail continues it. */
    static Writer append(Path path) {
        try {
            return new java.io.BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND), StandardCharsets.UTF_8), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new UserFacingException("output " + path + ": the folder does not exist");
        } catch (IOException e) {
            throw new UserFacingException("output " + path + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** Notes of an output (an outage, a retry) as lines on stderr. */
    static java.util.function.Consumer<String> notes(java.io.PrintWriter err) {
        return note -> {
            err.println("flowscore: " + note);
            err.flush();
        };
    }
}
