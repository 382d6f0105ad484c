package org.flowscore.cli;

import picocli.CommandLine;

/** Entry point: exit 0 on success, 1 on a runtime failure, 2 on a usage error. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new FlowscoreCommand());
        cl.setExecutionExceptionHandler(new FailureReporter());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Descriptions are whole paragraphs that picocli wraps, so help fills the terminal it is shown on; where
        // there is none (a pipe, a file) it is 80 columns wide. Set here, after the subcommands were added, so that
        // every command gets it (the annotation attribute would reach only the top-level command).
        cl.setUsageHelpAutoWidth(true);
        cl.setUsageHelpWidth(80);
        return cl;
    }
}
