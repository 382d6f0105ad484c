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
        return cl;
    }
}
