package org.flowscore.allowlist;

/** An allowlist file that cannot be used, with the file and line of the mistake in its message. */
public final class AllowlistException extends Exception {
    public AllowlistException(String message) {
        super(message);
    }
}
