package org.flowscore.elastic;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Which server certificates to trust on {@code https://} URLs: the JDK's default trust store, a CA file
 * (PEM), a pinned CA or certificate SHA-256 fingerprint (the form Kibana and Elastic Agent take, with or
 * without colons), or, only when asked for, anything.
 *
 * @param caFile        PEM file with the CA certificate(s), or null
 * @param caFingerprint 64 lower-case hex digits, or null
 * @param insecure      trust any certificate and skip the host name check
 */
public record EsTls(Path caFile, String caFingerprint, boolean insecure) {
    public static final EsTls DEFAULT = new EsTls(null, null, false);
    public static final String INSECURE_WARNING = "WARNING: --insecure: the Elasticsearch server's certificate and"
            + " host name are NOT checked; anyone on the path can read and change what is sent, credentials included";

    public EsTls {
        int chosen = (caFile != null ? 1 : 0) + (caFingerprint != null ? 1 : 0) + (insecure ? 1 : 0);
        if (chosen > 1) {
            throw new IllegalArgumentException("give only one of --es-ca, --es-ca-fingerprint and --insecure");
        }
        if (caFingerprint != null) {
            caFingerprint = normalise(caFingerprint);
        }
    }

    /** The fingerprint's bytes. */
    byte[] fingerprintBytes() {
        return HexFormat.of().parseHex(caFingerprint);
    }

    private static String normalise(String fingerprint) {
        String hex = fingerprint.replace(":", "").strip().toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("--es-ca-fingerprint must be a SHA-256 fingerprint: 64 hex digits,"
                    + " colons allowed (e.g. from 'openssl x509 -fingerprint -sha256 -noout -in ca.crt')");
        }
        return hex;
    }
}
