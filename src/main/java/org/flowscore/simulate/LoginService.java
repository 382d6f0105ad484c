package org.flowscore.simulate;

import java.util.Locale;

/** The service a brute-force attack guesses passwords on. */
public enum LoginService {
    SSH(22), FTP(21);

    private final int port;

    LoginService(int port) {
        this.port = port;
    }

    int port() {
        return port;
    }

    /** The name Zeek's protocol detection logs in {@code service}. */
    String zeekName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
