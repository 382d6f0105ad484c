package org.flowscore.model;

/**
 * A model bundle could not be read, written or trained. The message is for the user: it names the file
 * and, when retraining is the fix, gives the command.
 */
public class ModelException extends Exception {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
