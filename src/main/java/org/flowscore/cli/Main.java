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
        // The descriptions are written for 100 columns; picocli's default of 80 breaks them mid-line.
        cl.setUsageHelpWidth(100);
        return cl;
    }
}
