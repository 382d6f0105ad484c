package org.flowscore.config;

/** Settings that cannot be used, with a message naming the setting (and the file) and what is wrong. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
