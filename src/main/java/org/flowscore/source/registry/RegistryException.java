package org.flowscore.source.registry;

/** The registry file cannot be used: unreadable, corrupt, from another version, or in use by another run. */
public final class RegistryException extends Exception {
    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
