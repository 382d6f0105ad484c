package org.flowscore.cli;

/** The process exit codes every command keeps. */
public final class ExitCodes {
    private ExitCodes() {
    }

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
}
