package org.flowscore.cli;

import org.flowscore.config.ConfigException;
import org.flowscore.model.ModelException;
import org.flowscore.read.BadLineException;
import org.flowscore.source.InputException;
import picocli.CommandLine;

/**
 * Turns a failure into one clear line on stderr and exit code 1. Failures a user can cause and fix
 * (a missing file, a bad line under {@code --strict}) print no stack trace; anything else is a bug and
 * keeps its trace so it can be reported.
 */
final class FailureReporter implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        if (e instanceof InputException || e instanceof BadLineException || e instanceof UserFacingException
                || e instanceof ModelException || e instanceof ConfigException) {
            err.println("flowscore: " + e.getMessage());
        } else if (e instanceof java.io.UncheckedIOException || e instanceof java.io.IOException) {
            err.println("flowscore: I/O error: " + e.getMessage());
        } else {
            err.println("flowscore: unexpected error (please report it): " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILURE;
    }
}
