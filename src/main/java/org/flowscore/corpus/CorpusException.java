package org.flowscore.corpus;

/** A corpus that cannot be read or built, with a message naming the file and what to fix. */
public final class CorpusException extends Exception {
    public CorpusException(String message) {
        super(message);
    }

    public CorpusException(String message, Throwable cause) {
        super(message, cause);
    }
}
