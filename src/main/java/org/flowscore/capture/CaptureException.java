package org.flowscore.capture;

/** Capture could not start or go on; the message says what to fix. */
public final class CaptureException extends Exception {
    public CaptureException(String message, Throwable cause) {
        super(message, cause);
    }
}
