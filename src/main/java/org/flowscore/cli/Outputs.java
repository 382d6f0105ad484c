package org.flowscore.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.io.output.WriterOutputStream;
import picocli.CommandLine;

/** Opens {@code --output}: {@code -} is standard output, anything else a file created or replaced. */
final class Outputs {
    private static final int BUFFER = 1 << 16;

    private Outputs() {
    }

    /** {@code --output} for text. */
    static Writer open(String output, CommandLine commandLine) {
        if (output.equals("-")) {
            return unclosed(commandLine.getOut());
        }
        return new BufferedWriter(new OutputStreamWriter(create(Path.of(output), "--output " + output),
                StandardCharsets.UTF_8), BUFFER);
    }

    /** {@code --output} for documents already rendered as UTF-8 bytes. */
    static OutputStream openBytes(String output, CommandLine commandLine) {
        if (output.equals("-")) {
            // Standard output is picocli's writer (a test hands it one of its own): the bytes go through it as text.
            try {
                return WriterOutputStream.builder().setWriter(unclosed(commandLine.getOut()))
                        .setCharset(StandardCharsets.UTF_8).get();
            } catch (IOException e) {
                throw new UncheckedIOException("standard output could not be opened", e);
            }
        }
        return new BufferedOutputStream(create(Path.of(output), "--output " + output), BUFFER);
    }

    /** Not closed by the caller's try-with-resources, only flushed: picocli owns standard output. */
    private static Writer unclosed(Writer out) {
        return new FilterWriter(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static OutputStream create(Path path, String what, OpenOption... options) {
        try {
            return Files.newOutputStream(path, options);
        } catch (NoSuchFileException e) {
            throw new UserFacingException(what + ": the folder does not exist");
        } catch (IOException e) {
            throw new UserFacingException(what + ": cannot write: " + e.getMessage(), e);
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
    static OutputStream append(Path path) {
        return new BufferedOutputStream(create(path, "output " + path, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), BUFFER);
    }

    /** Notes of an output (an outage, a retry) as lines on stderr. */
    static java.util.function.Consumer<String> notes(java.io.PrintWriter err) {
        return note -> {
            err.println("flowscore: " + note);
            err.flush();
        };
    }
}
